using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// A chart that draws itself as vectors into a rectangle of a canvas (page points on a PDF page); its
/// <see cref="Draw"/> matches <c>FigureBlock.Draw</c>, so <c>new FigureBlock(h, chart.Draw, caption)</c> places it.
/// </summary>
public interface IChartRecipe
{
    void Draw(SKCanvas canvas, SKRect rect);
}
