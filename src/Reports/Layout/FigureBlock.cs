using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// A drawing of <paramref name="Height"/> points across the full content width, kept whole on one page, with
/// "Figure n. caption" under it. <paramref name="Draw"/> gets the page canvas (clipped to the figure) and the
/// figure's rectangle in page points.
/// </summary>
public sealed record FigureBlock(float Height, Action<SKCanvas, SKRect> Draw, string Caption) : Block;
