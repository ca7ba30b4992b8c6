namespace FashionBench.Reports.Layout;

/// <summary>A run of text in one style placed at <paramref name="X"/> points from the line's left edge.</summary>
internal sealed record PositionedSpan(string Text, TextStyle Style, float X);

/// <summary>One wrapped line: its spans, natural width and the height of its tallest style (points).</summary>
internal sealed record TextLine(IReadOnlyList<PositionedSpan> Spans, float Width)
{
    public float Height => Spans.Count == 0 ? 0 : Spans.Max(s => s.Style.LineHeight);
    public float BaselineOffset => Spans.Count == 0 ? 0 : Spans.Max(s => s.Style.BaselineOffset);
}
