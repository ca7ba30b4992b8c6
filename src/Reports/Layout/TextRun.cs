namespace FashionBench.Reports.Layout;

/// <summary>A stretch of paragraph text in one weight; a "\n" inside starts a new line.</summary>
public sealed record TextRun(string Text, bool Bold = false);
