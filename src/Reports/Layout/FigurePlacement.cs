using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>Where a figure's drawing landed: 1-based page and the drawing's rectangle in page points (caption excluded).</summary>
public sealed record FigurePlacement(int Number, string Caption, int PageNumber, SKRect Bounds);
