using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>Every run in two tables: accuracy and F1 against the write-up (and the reference), then size and time.</summary>
internal static class SummarySection
{
    public const string Heading = "Summary of runs";

    /// <summary>Points a seed column needs for its "Seed" header.</summary>
    private const float SeedWidth = 34;

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        var inputs = material.Inputs;
        var summary = material.Tables.Summary;
        var withSeed = summary.Select(s => s.Seed).Distinct().Count() > 1;
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

        doc.Add(Table(withSeed,
            ["Acc. (%)", "Doc. (%)", "Δ (pp)", "Verdict", "Macro F1", "Doc. F1", "vs ref. (pp)"],
            [42, 42, 40, withSeed ? 84 : 84 + SeedWidth, 38, 38, 40],
            summary.Select(s => (s, (IReadOnlyList<TableCell>)[
                Fmt.Percent(s.TestAccuracy), Fmt.Percent(s.DocumentedAccuracy), Fmt.Pp(s.DeltaPp), VerdictStyle.Cell(s.AccuracyVerdict, s.Verdict),
                Fmt.Score(s.MacroF1), Fmt.Score(s.DocumentedF1), Fmt.Pp(s.VsReferencePp),
            ])),
            "Test accuracy and macro F1 of every run against the write-up (Doc.: documented). Δ is measured − documented; the verdict is the model's, over all its seeds on that device (Method), so a best-epoch claim is judged on the best epoch. The F1 difference is in report_summary.csv."));

        doc.Add(Table(withSeed,
            ["Params", "Doc. params", "Epochs run / doc.", "Epoch (s, median)", "Training (s)", "To 90 % (s)", "To doc. (s)"],
            [53, withSeed ? 60 : 60 + SeedWidth, 45, 42, 44, 40, 40],
            summary.Select(s => (s, (IReadOnlyList<TableCell>)[
                Fmt.Count(s.Params), s.DocumentedParams.Length > 0 ? s.DocumentedParams.Replace(" ", "") : Fmt.None,
                Fmt.Invariant($"{s.EpochsRun} / {s.EpochsDocumented?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Fmt.None}"),
                Fmt.Seconds(s.EpochSecondsMedian), Fmt.Seconds(s.TrainSeconds), Fmt.Seconds(s.SecondsTo90), Fmt.Seconds(s.SecondsToDocumented),
            ])),
            "Size and training time of every run. 'To 90 %' and 'to documented' are training seconds until validation accuracy first reached 90 % or the documented test accuracy (— when it never did)."));
    }

    /// <summary>
    /// Model (and seed) columns, then <paramref name="headers"/> with <paramref name="widths"/> in points (with the
    /// model's 125 and the seed's 34 they fill the 483-pt text width); numbers right-aligned, the verdict left.
    /// </summary>
    private static TableBlock Table(bool withSeed, string[] headers, float[] widths,
        IEnumerable<(SummaryRow Row, IReadOnlyList<TableCell> Cells)> rows, string caption)
    {
        IReadOnlyList<string> allHeaders = [.. withSeed ? new[] { "Model", "Seed" } : ["Model"], .. headers];
        IReadOnlyList<float> allWidths = [.. withSeed ? new[] { 125f, SeedWidth } : [125f], .. widths];
        var alignments = allHeaders.Select((h, i) => i == 0 || h == "Verdict" ? SKTextAlign.Left : SKTextAlign.Right).ToList();
        var cells = rows.Select(r => (IReadOnlyList<TableCell>)[
            Fmt.Model(r.Row.Model), .. withSeed ? new TableCell[] { Fmt.Invariant($"{r.Row.Seed}") } : [], .. r.Cells]).ToList();
        return new TableBlock(allHeaders, cells, allWidths, alignments, caption);
    }
}
