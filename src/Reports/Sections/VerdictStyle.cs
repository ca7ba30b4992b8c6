using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// Verdict cells: pale green held, pale red did not hold, pale blue inconclusive, amber not comparable, lilac run
/// failed or contradicted by the write-up, grey nothing documented.
/// </summary>
internal static class VerdictStyle
{
    public static readonly SKColor HeldFill = new(0xDF, 0xF2, 0xE1);
    public static readonly SKColor FailedFill = new(0xFB, 0xE3, 0xE1);
    public static readonly SKColor NotComparableFill = new(0xFF, 0xF1, 0xCC);
    public static readonly SKColor NothingFill = new(0xEC, 0xEE, 0xF1);
    public static readonly SKColor InconclusiveFill = new(0xE1, 0xEC, 0xFA);
    public static readonly SKColor NoVerdictFill = new(0xEE, 0xE4, 0xF5);

    public static SKColor? Fill(Verdict verdict) => verdict switch
    {
        Verdict.Held => HeldFill,
        Verdict.DidNotHold => FailedFill,
        Verdict.Inconclusive => InconclusiveFill,
        Verdict.RunFailed or Verdict.Contradicted => NoVerdictFill,
        Verdict.NotComparable => NotComparableFill,
        Verdict.NothingDocumented => NothingFill,
        _ => null,
    };

    public static TableCell Cell(ClaimVerdict verdict) => Cell(verdict.VerdictText, verdict.Verdict);

    public static TableCell Cell(string text, Verdict verdict) =>
        new(text, Bold: verdict is Verdict.Held or Verdict.DidNotHold or Verdict.Inconclusive, Fill: Fill(verdict));
}
