using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>How a legend entry shows its series: a bar's colour, a line's colour and pattern, or a marker.</summary>
public enum LegendSymbol { Swatch, Line, DashedLine, DottedLine, Dot }

public sealed record LegendEntry(string Name, LegendSymbol Symbol, Color Color);

/// <summary>
/// A chart's legend as one row across the top of its figure, outside every data area. ScottPlot's own legend panel
/// stacks one entry per line and, in a chart a few lines tall, takes most of the height from the data; one row takes
/// <see cref="Height"/> points and serves every panel of a figure at once.
/// </summary>
public static class LegendRow
{
    public const float Height = 14;
    private const float FontSize = PlotRendering.TickFontSize;
    private const float Symbol = 8, LineSymbol = 16, Gap = 4, Spacing = 14;

    /// <summary>Bar series coloured as <see cref="GroupedBars"/> colours them: Category10, in series order.</summary>
    public static IReadOnlyList<LegendEntry> Series(IEnumerable<string> names)
    {
        var palette = new ScottPlot.Palettes.Category10();
        return names.Select((n, i) => new LegendEntry(n, LegendSymbol.Swatch, palette.GetColor(i))).ToList();
    }

    /// <summary>The part of <paramref name="rect"/> below the row.</summary>
    public static SKRect Below(SKRect rect) => new(rect.Left, rect.Top + Height, rect.Right, rect.Bottom);

    /// <summary>Draws the row centred across the top of <paramref name="rect"/>, smaller where it would not fit its width.</summary>
    public static void Draw(SKCanvas canvas, SKRect rect, IReadOnlyList<LegendEntry> entries)
    {
        using var font = ChartFonts.Create(FontSize);
        float SymbolWidth(LegendEntry e) => e.Symbol is LegendSymbol.Swatch or LegendSymbol.Dot ? Symbol : LineSymbol;
        float Width() => entries.Sum(e => SymbolWidth(e) + Gap + font.MeasureText(e.Name)) + Spacing * (entries.Count - 1);
        var rowWidth = Width();
        if (rowWidth > rect.Width)
        {
            font.Size = FontSize * rect.Width / rowWidth * 0.98f;
            rowWidth = Width();
        }
        using var paint = new SKPaint { IsAntialias = true };
        var x = rect.MidX - rowWidth / 2;
        var middle = rect.Top + Height / 2;
        foreach (var entry in entries)
        {
            paint.Color = entry.Color.ToSKColor();
            var width = SymbolWidth(entry);
            switch (entry.Symbol)
            {
                case LegendSymbol.Swatch:
                    paint.Style = SKPaintStyle.Fill;
                    canvas.DrawRect(SKRect.Create(x, middle - Symbol / 2, Symbol, Symbol), paint);
                    break;
                case LegendSymbol.Dot:
                    paint.Style = SKPaintStyle.Fill;
                    canvas.DrawCircle(x + Symbol / 2, middle, 2, paint);
                    break;
                default:
                    paint.Style = SKPaintStyle.Stroke;
                    paint.StrokeWidth = 1.5f;
                    using (var dash = entry.Symbol switch
                           {
                               LegendSymbol.DashedLine => SKPathEffect.CreateDash([4, 2], 0),
                               LegendSymbol.DottedLine => SKPathEffect.CreateDash([1.5f, 1.5f], 0),
                               _ => null,
                           })
                    {
                        paint.PathEffect = dash;
                        canvas.DrawLine(x, middle, x + width, middle, paint);
                        paint.PathEffect = null;
                    }
                    break;
            }
            paint.Style = SKPaintStyle.Fill;
            paint.Color = SKColors.Black;
            canvas.DrawText(entry.Name, x + width + Gap, middle + font.Size * 0.35f, SKTextAlign.Left, font, paint);
            x += width + Gap + font.MeasureText(entry.Name) + Spacing;
        }
    }
}
