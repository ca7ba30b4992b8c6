using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>A model's per-class precision, recall and F1, with the write-up's per-class F1 and its verdict where it gives one.</summary>
internal static class PerClass
{
    /// <param name="verdicts">The verdicts of the run's model and device, whose per-class F1 rows hold over its seeds.</param>
    public static void Add(ReportDocument doc, RunRecords run, IEnumerable<ClaimVerdict> verdicts)
    {
        var documented = run.Spec!.Documented.PerClassF1;
        var byClaim = verdicts.Where(v => v.Claim != ClaimJudge.TrainingRun).ToDictionary(v => v.Claim);
        var withClaims = documented.Count > 0;
        IReadOnlyList<string> headers = ["Class", "Precision", "Recall", "F1", "Support", .. withClaims ? new[] { "Documented F1", "Verdict" } : []];
        IReadOnlyList<float> widths = [1.6f, 1, 1, 1, 0.9f, .. withClaims ? new[] { 1.1f, 1.7f } : []];
        var rows = run.Metrics.PerClass.Select(c =>
        {
            IReadOnlyList<TableCell> cells = [c.Name, Fmt.Score(c.Precision), Fmt.Score(c.Recall), Fmt.Score(c.F1), Fmt.Count(c.Support)];
            if (!withClaims) return cells;
            if (!documented.TryGetValue(c.Name, out var claim)) return [.. cells, Fmt.None, ""];
            return [.. cells, Fmt.Score(claim), byClaim.TryGetValue($"F1 of {c.Name}", out var v) ? VerdictStyle.Cell(v) : Fmt.None];
        }).ToList();
        doc.Add(new TableBlock(headers, rows, widths,
            headers.Select((_, i) => i == 0 || i == 6 ? SKTextAlign.Left : SKTextAlign.Right).ToList(),
            $"Per-class precision, recall and F1 of {run.Model} on the test set"
            + (withClaims ? ", with the write-up's per-class F1 and its verdict over all seeds (the interval rule of the Method section)." : ".")));
    }
}
