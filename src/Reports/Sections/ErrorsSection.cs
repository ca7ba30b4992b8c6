using FashionBench.Harness.Evaluation;
using FashionBench.Reports.Charts;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// A write-up's models' errors side by side, as small multiples: their row-normalised confusion matrices, per-class
/// F1 (mean over seeds, with the write-up's per-class claims), the most-confused class pairs, and the most confident
/// mistakes of its first model. Every number is also in confusion.csv, per_class.csv, confused_pairs.csv and
/// misclassified.csv, per run.
/// </summary>
internal static class ErrorsSection
{
    public const string Heading = "Errors side by side";
    private const float ImageGridHeight = 185;
    private const int PairsPerModel = 3;

    /// <param name="runs">The representative run of each of the write-up's models, in catalogue order.</param>
    public static void Add(ReportDocument doc, ReportMaterial material, IReadOnlyList<RunRecords> runs)
    {
        doc.Add(new HeadingBlock(Heading, 2, inContents: false));   // every write-up has one
        var classes = runs[0].Metrics.ClassNames;
        var width = PageSetup.A4Portrait.Content.Width;
        doc.Add(new FigureBlock(ConfusionGrid.Height(runs.Count, width),
            new ConfusionGrid(runs.Select(r => (Fmt.ShortModel(r.Model), ConfusionMatrix.FromRows(r.Metrics.Confusion).Counts)).ToList(), classes).Draw,
            Fmt.Invariant($"Row-normalised confusion matrices of the representative runs, true class down, predicted class across, both by class index ({string.Join(", ", classes.Select((c, i) => $"{i} {c}"))}); each row sums to 1, so the diagonal is the per-class recall, on {runs[0].TestImages:N0} test images each. The counts are in confusion.csv.")));
        PerClassF1(doc, material, runs, classes);
        ConfusedPairs(doc, material, runs);
        Misclassified(doc, material, runs[0]);
    }

    /// <summary>Classes down, models across: F1 as the mean over each model's healthy seeds, with the write-up's per-class claims.</summary>
    private static void PerClassF1(ReportDocument doc, ReportMaterial material, IReadOnlyList<RunRecords> runs, IReadOnlyList<string> classes)
    {
        var seeds = runs.Select(r => material.Inputs.Runs.Where(x => x.Model == r.Model && x.Metrics.Device == r.Metrics.Device && x.Metrics.Status == "ok")
            .DefaultIfEmpty(r).ToList()).ToList();
        var claimed = runs.FirstOrDefault(r => r.Spec!.Documented.PerClassF1.Count > 0);
        IReadOnlyList<string> headers = ["Class", .. runs.Select(r => Fmt.ShortModel(r.Model)), .. claimed is null ? [] : new[] { $"Doc. ({Fmt.ShortModel(claimed.Model)})" }];
        var rows = classes.Select(name => (IReadOnlyList<TableCell>)[
            name,
            .. seeds.Select(s => (TableCell)Fmt.Score(s.Average(r => r.Metrics.PerClass.Single(c => c.Name == name).F1))),
            .. claimed is null ? [] : new TableCell[] { claimed.Spec!.Documented.PerClassF1.TryGetValue(name, out var f1) ? Fmt.Score(f1) : Fmt.None },
        ]).ToList();
        doc.Add(new TableBlock(headers, rows, headers.Select((_, i) => i == 0 ? 1.5f : 1f).ToList(),
            headers.Select((_, i) => i == 0 ? SKTextAlign.Left : SKTextAlign.Right).ToList(),
            "Per-class F1 on the test set, the mean over each model's seeds" + (claimed is null ? "" : ", and the write-up's per-class F1 (judged in that model's claims table)")
            + "; precision, recall and each run's values are in per_class.csv."));
    }

    private static void ConfusedPairs(ReportDocument doc, ReportMaterial material, IReadOnlyList<RunRecords> runs)
    {
        var rows = runs.Select(r => (r, Pairs: material.Tables.ConfusedPairs.Where(p => p.RunId == r.Metrics.RunId).Take(PairsPerModel).ToList()))
            .Where(x => x.Pairs.Count > 0)
            .Select(x => (IReadOnlyList<TableCell>)[x.r.Model,
                string.Join("; ", x.Pairs.Select(p => Fmt.Invariant($"{p.TrueClass} → {p.PredictedClass} ({Fmt.Percent(p.FractionOfTrue)} %)")))])
            .ToList();
        if (rows.Count == 0) return;
        doc.Add(new TableBlock(["Model", Fmt.Invariant($"The {PairsPerModel} most-confused pairs: true → predicted (share of the true class)")], rows,
            [1f, 3f], [SKTextAlign.Left, SKTextAlign.Left],
            "The largest off-diagonal cells of each representative run's confusion matrix (confused_pairs.csv has five per run)."));
    }

    private static void Misclassified(ReportDocument doc, ReportMaterial material, RunRecords run)
    {
        var shown = material.Tables.Misclassified.Where(x => x.RunId == run.Metrics.RunId).ToList();
        if (shown.Count == 0)
        {
            doc.Add(new ParagraphBlock($"{run.Model} classified every test image correctly; there is no mistake to show."));
            return;
        }
        var (pixels, problem) = material.TestPixels(run.Metrics.Dataset);
        const int side = 28 * 28;
        if (pixels is null || shown.Any(x => (x.Index + 1) * side > pixels.Length))
        {
            doc.Add(new ParagraphBlock($"The most confident mistakes of {run.Model} are listed in misclassified.csv; their images cannot be drawn here: "
                                       + (problem ?? $"the {run.Metrics.Dataset} test images at hand are fewer than the run's predictions.")));
            return;
        }
        var grid = new ImageGrid(
            shown.Select(x => pixels.AsSpan(x.Index * side, side).ToArray()).ToList(),
            shown.Select(x => Fmt.Invariant($"true {x.TrueClass}\npred {x.PredictedClass}\nconfidence {x.Confidence:0.00}")).ToList());
        doc.Add(new FigureBlock(ImageGridHeight, grid.Draw,
            $"The {shown.Count} most confident mistakes of {run.Model}, the write-up's first model, on the test set: true class, predicted class and the softmax confidence (the other models' are in misclassified.csv)."));
    }

    /// <summary>"aug-dropout" for "fashion-cnn/aug-dropout": the write-up's models share their family.</summary>
}
