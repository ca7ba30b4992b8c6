using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>Something placed on a page during layout and drawn in the render pass.</summary>
internal interface IPageItem
{
    void Draw(SKCanvas canvas, PageContext context);
}
