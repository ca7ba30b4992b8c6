using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>Page size and margins in PDF points (1/72 inch); the canvas origin is the page's top-left corner.</summary>
public sealed record PageSetup(float Width, float Height, float MarginLeft, float MarginTop, float MarginRight, float MarginBottom)
{
    /// <summary>A4 portrait (595 × 842 pt) with 2 cm side margins and room for the footer at the bottom.</summary>
    public static PageSetup A4Portrait { get; } = new(595, 842, 56, 56, 56, 64);

    /// <summary>The area blocks are laid out in; the footer sits below it, inside the bottom margin.</summary>
    public SKRect Content => new(MarginLeft, MarginTop, Width - MarginRight, Height - MarginBottom);
}
