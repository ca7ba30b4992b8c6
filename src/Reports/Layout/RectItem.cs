using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>A filled rectangle (table header and stripe backgrounds, verdict cells, rules as thin rectangles).</summary>
internal sealed record RectItem(SKRect Rect, SKColor Fill) : IPageItem
{
    public static RectItem HorizontalRule(float left, float right, float y, SKColor color, float thickness = 0.5f) =>
        new(new SKRect(left, y - thickness / 2, right, y + thickness / 2), color);

    public void Draw(SKCanvas canvas, PageContext context)
    {
        using var paint = new SKPaint { Color = Fill, Style = SKPaintStyle.Fill };
        canvas.DrawRect(Rect, paint);
    }
}
