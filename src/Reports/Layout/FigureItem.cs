using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>Runs a figure's drawing callback clipped to its rectangle, so a chart cannot paint over the text around it.</summary>
internal sealed record FigureItem(SKRect Bounds, Action<SKCanvas, SKRect> DrawFigure) : IPageItem
{
    public void Draw(SKCanvas canvas, PageContext context)
    {
        canvas.Save();
        canvas.ClipRect(Bounds);
        DrawFigure(canvas, Bounds);
        canvas.Restore();
    }
}
