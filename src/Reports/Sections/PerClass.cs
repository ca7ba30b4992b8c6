using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>A model's per-class precision, recall and F1, with the write-up's per-class F1 and its verdict where it gives one.</summary>
internal static class PerClass
{
    public static void Add(ReportDocument doc, RunRecords run)
    {
        var documented = run.Spec!.Documented.PerClassF1;
        var facts = run.Facts();
        var withClaims = documented.Count > 0;
        IReadOnlyList<string> headers = ["Class", "Precision", "Recall", "F1", "Support", .. withClaims ? new[] { "Documented F1", "Verdict" } : []];
        IReadOnlyList<float> widths = [1.6f, 1, 1, 1, 0.9f, .. withClaims ? new[] { 1.1f, 1.7f } : []];
        var rows = run.Metrics.PerClass.Select(c =>
        {
            IReadOnlyList<TableCell> cells = [c.Name, Fmt.Score(c.Precision), Fmt.Score(c.Recall), Fmt.Score(c.F1), Fmt.Count(c.Support)];
            if (!withClaims) return cells;
            if (!documented.TryGetValue(c.Name, out var claim)) return [.. cells, Fmt.None, ""];
            return [.. cells, Fmt.Score(claim), VerdictStyle.Cell(ClaimJudge.PerClassF1(c.Name, claim, facts))];
        }).ToList();
        doc.Add(new TableBlock(headers, rows, widths,
            headers.Select((_, i) => i == 0 || i == 6 ? SKTextAlign.Left : SKTextAlign.Right).ToList(),
            $"Per-class precision, recall and F1 of {run.Model} on the test set"
            + (withClaims ? Fmt.Invariant($", with the write-up's per-class F1 (holds within {ClaimJudge.PerClassF1Tolerance * 100:0} pp below).") : ".")));
    }
}
