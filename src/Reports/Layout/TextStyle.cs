using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>A font at a size and a colour, with the vertical metrics line layout needs (all in points).</summary>
internal sealed class TextStyle : IDisposable
{
    public TextStyle(SKTypeface typeface, float size, SKColor color, float lineSpacing = 1.4f)
    {
        // Unhinted, linear advances: positions then match the embedded font's widths, which PDF readers use.
        Font = new SKFont(typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
        Color = color;
        LineHeight = size * lineSpacing;
        var metrics = Font.Metrics;
        // Centre the glyph box (ascent + descent) in the line box; Skia's ascent is negative (above the baseline).
        BaselineOffset = (LineHeight - (-metrics.Ascent + metrics.Descent)) / 2 - metrics.Ascent;
    }

    public SKFont Font { get; }
    public SKColor Color { get; }
    public float LineHeight { get; }

    /// <summary>Distance from a line's top to its baseline.</summary>
    public float BaselineOffset { get; }

    public float Measure(string text) => Font.MeasureText(text);

    /// <summary>The text on one line, cut to end in an ellipsis if it is wider than <paramref name="width"/>.</summary>
    public string Ellipsize(string text, float width)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        if (Measure(oneLine) <= width) return oneLine;
        var length = oneLine.Length;
        while (length > 1 && Measure(oneLine[..length] + "…") > width) length--;
        return oneLine[..length].TrimEnd() + "…";
    }

    public void Dispose() => Font.Dispose();
}
