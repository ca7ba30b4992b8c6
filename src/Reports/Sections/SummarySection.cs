using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// Every model in two tables, over its seeds: accuracy and F1 against the write-up (and the reference), then size and
/// time. Each run's own row is in report_summary.csv.
/// </summary>
internal static class SummarySection
{
    public const string Heading = "Summary of runs";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        var inputs = material.Inputs;
        var summary = material.Tables.Summary;
        doc.Add(new HeadingBlock(Heading));
        doc.Add(new ParagraphBlock(inputs.Reference.Rows is { } reference
            ? Fmt.Invariant($"'vs ref.' compares each run's test accuracy with the mean of the committed reference's runs of the same model ({inputs.Reference.Path}, {reference.Count} runs), in percentage points.")
            : $"No committed reference exists for this profile ({inputs.Reference.Path} is absent), so the 'vs ref.' column is empty."));
        var uncatalogued = inputs.Runs.Where(r => r.Spec is null).Select(r => r.Model).Distinct().ToList();
        var failed = summary.Where(s => s.Status != "ok").ToList();
        if (failed.Count > 0)
            doc.Add(new ParagraphBlock($"{failed.Count} run(s) failed, and their figures below are those of a failed run: " +
                string.Join("; ", failed.Select(s => $"{s.Model} seed {s.Seed} ({s.Device}) {s.Status}: {s.StatusReason}")) + "."));
        if (inputs.Stale is { Count: > 0 } stale)
            doc.Add(new ParagraphBlock($"{stale.Count} complete run(s) in this folder are not counted anywhere in this report: " +
                string.Join("; ", stale.Select(s => $"{s.Run.RunId}: {s.Reason}")) + "."));
        if (uncatalogued.Count > 0)
            doc.Add(new ParagraphBlock($"Not in the model catalogue any more, so listed here without claims or a write-up section: {string.Join(", ", uncatalogued)}."));

        // One row per model and device over its seeds; every run's own row is in report_summary.csv. Probes are left to
        // their own table (page 1's section), as they have no pages of their own either.
        var models = summary.Where(r => !Models.ModelCatalog.IsProbe(r.Model)).GroupBy(r => (r.Model, r.Device)).ToList();
        doc.Add(Table(inputs.OnDevice,
            ["n", "Acc. (%)", "sd (pp)", "Doc. (%)", "Δ (pp)", "Verdict", "Macro F1", "vs ref. (pp)"],
            [22, 40, 34, 40, 38, 80, 44, 40],
            models.Select(g => (g.First(), (IReadOnlyList<TableCell>)[
                Seeds(g), Fmt.Percent(g.Average(r => r.TestAccuracy)), Sd(g.Select(r => r.TestAccuracy * 100).ToList()),
                Fmt.Percent(g.First().DocumentedAccuracy), Fmt.Pp(Harness.Statistics.Proportion.DeltaPp(g.Average(r => r.TestAccuracy), g.First().DocumentedAccuracy)),
                VerdictStyle.Cell(g.First().AccuracyVerdict, g.First().Verdict), Fmt.Score(g.Average(r => r.MacroF1)), Fmt.Pp(Mean(g.Select(r => r.VsReferencePp))),
            ])),
            "Test accuracy and macro F1 of every model against the write-up (Doc.: documented), the mean over its seeds (n; failed runs counted in, marked ×) with the seeds' standard deviation. Δ is mean − documented; the verdict is the model's test-accuracy claim's (Method), so a best-epoch claim is judged on the best epoch. Each run is in report_summary.csv, the probes' runs too (their verdicts are in the probes table)."));

        doc.Add(Table(inputs.OnDevice,
            ["Params", "Doc. params", "Epochs run / doc.", "Epoch (s, median)", "Training (s, median)", "To 90 % (s, median)", "To doc. (s, median)"],
            [53, 60, 45, 42, 48, 44, 46],
            models.Select(g => (g.First(), (IReadOnlyList<TableCell>)[
                Fmt.Count(g.First().Params), g.First().DocumentedParams.Length > 0 ? g.First().DocumentedParams.Replace(" ", "") : Fmt.None,
                Fmt.Invariant($"{Harness.Statistics.Median.Of(g.Select(r => (double)r.EpochsRun)):0.#} / {g.First().EpochsDocumented?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Fmt.None}"),
                Fmt.Seconds(Harness.Statistics.Median.Of(g.Select(r => r.EpochSecondsMedian))), Fmt.Seconds(Harness.Statistics.Median.Of(g.Select(r => r.TrainSeconds))),
                Fmt.Seconds(MedianOrNull(g.Select(r => r.SecondsTo90))), Fmt.Seconds(MedianOrNull(g.Select(r => r.SecondsToDocumented))),
            ])),
            "Size and training time of every model, medians over its seeds (times are of this machine under the load it had; they are no benchmark). 'To 90 %' and 'to documented' are training seconds until validation accuracy first reached 90 % or the documented test accuracy (— when no seed did)."));
    }

    /// <summary>"5", or "5 (1×)" when one of them failed.</summary>
    private static string Seeds(IEnumerable<SummaryRow> runs)
    {
        var list = runs.ToList();
        var failed = list.Count(r => r.Status != "ok");
        return failed == 0 ? Fmt.Invariant($"{list.Count}") : Fmt.Invariant($"{list.Count} ({failed}×)");
    }

    private static string Sd(IReadOnlyList<double> values) =>
        values.Count < 2 ? Fmt.None : Fmt.Number(Math.Sqrt(values.Sum(v => Math.Pow(v - values.Average(), 2)) / (values.Count - 1)), "0.00");

    private static double? Mean(IEnumerable<double?> values) => values.OfType<double>().Select(v => (double?)v).DefaultIfEmpty(null).Average();

    private static double? MedianOrNull(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToList();
        return known.Count == 0 ? null : Harness.Statistics.Median.Of(known);
    }

    /// <summary>
    /// A model column (each named by <paramref name="onDevice"/>), then <paramref name="headers"/> with
    /// <paramref name="widths"/> in points (with the model's 125 they fill the 483-pt text width); numbers right-aligned,
    /// the verdict left.
    /// </summary>
    private static TableBlock Table(Func<string, string, string> onDevice, string[] headers, float[] widths, IEnumerable<(SummaryRow Row, IReadOnlyList<TableCell> Cells)> rows, string caption)
    {
        IReadOnlyList<string> allHeaders = ["Model", .. headers];
        IReadOnlyList<float> allWidths = [125f, .. widths];
        var alignments = allHeaders.Select((h, i) => i == 0 || h == "Verdict" ? SKTextAlign.Left : SKTextAlign.Right).ToList();
        var cells = rows.Select(r => (IReadOnlyList<TableCell>)[
            onDevice(r.Row.Model, r.Row.Device), .. r.Cells]).ToList();
        return new TableBlock(allHeaders, cells, allWidths, alignments, caption);
    }
}
