using FashionBench.Reports.Charts;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// One legend row for a figure of several bar charts that share their series: a swatch in the series' bar colour
/// (Category10, in series order, as the bar recipes colour them) and its name, centred above the charts.
/// </summary>
internal static class SeriesLegend
{
    public const float Height = 14;
    private const float FontSize = PlotRendering.TickFontSize;
    private const float Swatch = 8, Gap = 4, Spacing = 14;

    public static void Draw(SKCanvas canvas, SKRect rect, IReadOnlyList<string> names)
    {
        using var font = ChartFonts.Create(FontSize);
        using var paint = new SKPaint { IsAntialias = true };
        var palette = new ScottPlot.Palettes.Category10();
        var widths = names.Select(n => Swatch + Gap + font.MeasureText(n)).ToList();
        var x = rect.MidX - (widths.Sum() + Spacing * (names.Count - 1)) / 2;
        var middle = rect.Top + Height / 2;
        for (var i = 0; i < names.Count; i++)
        {
            paint.Color = palette.GetColor(i).ToSKColor();
            canvas.DrawRect(SKRect.Create(x, middle - Swatch / 2, Swatch, Swatch), paint);
            paint.Color = SKColors.Black;
            canvas.DrawText(names[i], x + Swatch + Gap, middle + FontSize * 0.35f, SKTextAlign.Left, font, paint);
            x += widths[i] + Spacing;
        }
    }
}
