using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// The write-ups' comparative findings and their verdicts: documented and measured difference (mean ± half the 95 %
/// interval over n seed-matched pairs), McNemar's stratified p, verdict (widths fill the 483-pt text width).
/// </summary>
internal static class ComparisonTable
{
    /// <param name="onDevice">How a row names its finding on its device (<see cref="Inputs.ReportInputs.OnDevice"/>).</param>
    public static TableBlock Of(IEnumerable<ComparisonVerdict> comparisons, Func<string, string, string> onDevice, string caption) => new(
        ["", "Finding", "Doc. Δ", "Measured Δ (n)", "p", "Verdict"],
        comparisons.Select(c => (IReadOnlyList<TableCell>)[
            c.WriteUp, onDevice(c.Finding, c.Device), Difference(c, c.DocumentedDifference), Measured(c),
            c.McNemarP is { } p ? Fmt.Number(p, p < 0.0001 ? "0.0E+0" : "0.0000") : Fmt.None,
            VerdictStyle.Cell(c.VerdictText, c.Verdict),
        ]).ToList(),
        [26, 160, 50, 108, 54, 85],
        [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Left],
        caption);

    static string Difference(ComparisonVerdict c, double? value) => value is not { } v ? Fmt.None
        : c.IsAccuracy ? Fmt.Pp(v * 100) + " pp" : Fmt.Invariant($"{v:+#,0;-#,0;0}");

    static string Measured(ComparisonVerdict c)
    {
        if (c.MeanDifference is not { } mean || double.IsNaN(mean)) return Fmt.None;
        if (c.CiLow is not { } low || c.CiHigh is not { } high) return Difference(c, mean);
        return Fmt.Invariant($"{Fmt.Pp(mean * 100)} ± {(high - low) / 2 * 100:0.00} pp ({c.N})");
    }
}
