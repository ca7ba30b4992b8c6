using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>A wrapped line drawn with its top-left corner at (<paramref name="Left"/>, <paramref name="Top"/>).</summary>
internal sealed record TextLineItem(TextLine Line, float Left, float Top, SKColor? Color = null) : IPageItem
{
    public void Draw(SKCanvas canvas, PageContext context) => Draw(canvas, Line, Left, Top, Color);

    public static void Draw(SKCanvas canvas, TextLine line, float left, float top, SKColor? color = null)
    {
        var baseline = top + line.BaselineOffset;
        using var paint = new SKPaint { IsAntialias = true };
        foreach (var span in line.Spans)
        {
            if (span.Text.Length == 0) continue;
            paint.Color = color ?? span.Style.Color;
            canvas.DrawText(span.Text, left + span.X, baseline, SKTextAlign.Left, span.Style.Font, paint);
        }
    }
}
