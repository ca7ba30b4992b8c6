using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// One table cell. <paramref name="Fill"/> and <paramref name="TextColor"/> mark verdict cells (e.g. a pale red fill
/// for "below documented"); null keeps the table's striping and the body text colour.
/// </summary>
public sealed record TableCell(string Text, bool Bold = false, SKColor? Fill = null, SKColor? TextColor = null)
{
    public static implicit operator TableCell(string text) => new(text);
}
