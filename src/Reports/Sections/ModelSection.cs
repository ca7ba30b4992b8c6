using FashionBench.Reports.Charts;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// One model's run: its claims, training curves, confusion matrices, per-class metrics, most-confused pairs and
/// most confident mistakes.
/// </summary>
internal static class ModelSection
{
    private const float CurvesHeight = 180;
    private const float ConfusionHeight = 290;
    private const float ImageGridHeight = 185;

    public static string Heading(RunRecords run) => $"{run.Model}: {run.Spec!.Title}";

    public static void Add(ReportDocument doc, ReportMaterial material, RunRecords run)
    {
        var spec = run.Spec!;
        var m = run.Metrics;
        doc.Add(new HeadingBlock(Heading(run), 2));
        var limits = run.Config.TrainLimit is { } train ? Fmt.Invariant($", the first {train:N0} training and {run.TestImages:N0} test images") : "";
        doc.Add(new ParagraphBlock([
            new TextRun(Fmt.Invariant($"{spec.Source}. The pages below show run {m.RunId} (seed {m.Seed} on {m.Device}, {m.EpochsRun} of {run.Config.Epochs} planned epochs{limits}{(m.StoppedEarly ? ", stopped early" : "")}; its test metrics are of {Weights(spec, m)}); claims and curves are over all seeds.")),
            .. spec.Documented.Quote.Length > 0 ? new[] { new TextRun("\nThe write-up: ", Bold: true), new TextRun($"“{spec.Documented.Quote}”") } : [],
        ]));
        doc.Add(RecipeTable.Of(spec, m.EpochsRun));
        doc.Add(ClaimTable.Of(material.Tables.VerdictsOf(run), withModel: false,
            $"What the write-up documents for {run.Model} against its runs on {run.Metrics.Device}: the measured mean ± half its 95 % interval over (n) seeds, and the verdict by the rule in the Method section."));

        Curves(doc, material, run);
        var counts = Counts(m.Confusion);
        doc.Add(new FigureBlock(ConfusionHeight, new ConfusionHeatmap(counts, m.ClassNames, normaliseRows: false).Draw,
            Fmt.Invariant($"Confusion matrix of {run.Model} on {run.TestImages:N0} test images: counts.")));
        doc.Add(new FigureBlock(ConfusionHeight, new ConfusionHeatmap(counts, m.ClassNames, normaliseRows: true).Draw,
            $"Confusion matrix of {run.Model}, row-normalised: each true class's row sums to 1, so the diagonal is the per-class recall."));
        PerClass.Add(doc, run, material.Tables.VerdictsOf(run));
        ConfusedPairs(doc, material, run);
        Misclassified(doc, material, run);
    }

    /// <summary>Which weights a run's test metrics are of: the restored lowest-validation-loss epoch, or the last.</summary>
    private static string Weights(Models.ModelSpec spec, Harness.Runs.RunMetrics m) =>
        spec.Recipe.EarlyStopping?.RestoreBest == true
            ? Fmt.Invariant($"the weights of epoch {m.BestEpoch}, the lowest validation loss, restored")
            : Fmt.Invariant($"the last epoch's weights (epoch {m.EpochsRun})");

    private static void Curves(ReportDocument doc, ReportMaterial material, RunRecords run)
    {
        var curves = run.Curves;
        if (curves.Count < 2)
        {
            doc.Add(new ParagraphBlock(Fmt.Invariant(
                $"Training curves need two epochs or more; this run trained {curves.Count}: train loss {curves.Select(c => c.TrainLoss).FirstOrDefault():0.000}, validation loss {curves.Select(c => c.ValidationLoss).FirstOrDefault():0.000}, validation accuracy {Fmt.Percent(curves.Select(c => c.ValidationAccuracy).FirstOrDefault())} % (curves.csv).")));
            return;
        }
        var seeds = material.Inputs.Runs.Where(r => r.Model == run.Model && r.Metrics.Device == run.Metrics.Device && r.Metrics.Status == "ok").ToList();
        var restores = run.Spec!.Recipe.EarlyStopping?.RestoreBest == true;
        var c = SeedCurves.Of(seeds.Count > 0 ? seeds : [run], restores);
        var chart = new TrainingCurves(c.Epochs, c.TrainLoss, c.ValidationLoss, c.TrainAccuracy, c.ValidationAccuracy, c.LearningRate, c.RestoredEpochs);
        var validation = run.Metrics.ValidatesOnTest ? "validation (the test set, as in the write-up)" : "validation (held out of the training set)";
        var over = c.Seeds > 1 ? Fmt.Invariant($"the mean over {c.Seeds} seeds with its 95 % band") : "one seed";
        var rate = c.LearningRate.Distinct().Count() == 1 ? Fmt.Invariant($"; the learning rate is {c.LearningRate[0]:0.#####} throughout") : ", with the learning rate (dashed, right axis)";
        var restored = restores ? Fmt.Invariant($"; dotted lines mark the epochs whose weights were restored (lowest validation loss): {string.Join(", ", seeds.Count > 0 ? seeds.OrderBy(r => r.Metrics.Seed).Select(r => r.Metrics.BestEpoch) : [run.Metrics.BestEpoch])} by seed") : "";
        doc.Add(new FigureBlock(CurvesHeight, chart.Draw,
            $"Training curves of {run.Model} per epoch, {over}: loss{rate}, and accuracy; train against {validation}{restored}."));
    }

    private static int[,] Counts(int[][] confusion)
    {
        var counts = new int[confusion.Length, confusion.Length];
        for (var t = 0; t < confusion.Length; t++)
            for (var p = 0; p < confusion.Length; p++) counts[t, p] = confusion[t][p];
        return counts;
    }

    private static void ConfusedPairs(ReportDocument doc, ReportMaterial material, RunRecords run)
    {
        var pairs = material.Tables.ConfusedPairs.Where(p => p.RunId == run.Metrics.RunId).ToList();
        if (pairs.Count == 0) return;
        doc.Add(new TableBlock(["#", "True class", "Predicted as", "Images", "Share of the true class (%)"],
            pairs.Select(p => (IReadOnlyList<TableCell>)[
                Fmt.Invariant($"{p.Rank}"), p.TrueClass, p.PredictedClass, Fmt.Count(p.Count), Fmt.Percent(p.FractionOfTrue),
            ]).ToList(),
            [0.4f, 1.6f, 1.6f, 0.8f, 1.5f],
            [SKTextAlign.Right, SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right],
            $"The most-confused class pairs of {run.Model}: the largest off-diagonal cells of its confusion matrix."));
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
            $"The {shown.Count} most confident mistakes of {run.Model} on the test set: true class, predicted class and the softmax confidence of the prediction."));
    }
}
