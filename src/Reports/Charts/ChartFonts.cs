using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// The family charts use, matching the report body (DejaVu Sans). When the system lacks it, ScottPlot and Skia pick
/// their own default; the layout's font loader is what tells the user about a missing font.
/// </summary>
internal static class ChartFonts
{
    public const string Family = Layout.ReportFonts.Family;

    public static bool Available => ScottPlot.Fonts.GetTypeface(Family, bold: false, italic: false)?.FamilyName == Family;

    public static SKFont Create(float size, bool bold = false) =>
        new(SKTypeface.FromFamilyName(Family, bold ? SKFontStyle.Bold : SKFontStyle.Normal), size)
        {
            Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None,
        };
}
