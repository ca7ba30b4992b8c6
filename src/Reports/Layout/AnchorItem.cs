using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>A named PDF destination at a heading, the target of the table of contents' links.</summary>
internal sealed record AnchorItem(string Name, SKPoint Point) : IPageItem
{
    public static string ForHeading(int index) => $"heading-{index}";

    public void Draw(SKCanvas canvas, PageContext context) => canvas.DrawNamedDestinationAnnotation(Point, Name);
}
