using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>Verdict cells: pale green held, pale red did not hold, amber not comparable, grey nothing documented.</summary>
internal static class VerdictStyle
{
    public static readonly SKColor HeldFill = new(0xDF, 0xF2, 0xE1);
    public static readonly SKColor FailedFill = new(0xFB, 0xE3, 0xE1);
    public static readonly SKColor NotComparableFill = new(0xFF, 0xF1, 0xCC);
    public static readonly SKColor NothingFill = new(0xEC, 0xEE, 0xF1);

    public static SKColor? Fill(Verdict verdict) => verdict switch
    {
        Verdict.Held => HeldFill,
        Verdict.DidNotHold => FailedFill,
        Verdict.NotComparable => NotComparableFill,
        Verdict.NothingDocumented => NothingFill,
        _ => null,
    };

    public static TableCell Cell(ClaimVerdict verdict) => Cell(verdict.VerdictText, verdict.Verdict);

    public static TableCell Cell(string text, Verdict verdict) =>
        new(text, Bold: verdict is Verdict.Held or Verdict.DidNotHold, Fill: Fill(verdict));
}
