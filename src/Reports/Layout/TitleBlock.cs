namespace FashionBench.Reports.Layout;

/// <summary>The report's title (large, not listed in the table of contents) with an optional subtitle line.</summary>
public sealed record TitleBlock(string Title, string? Subtitle = null) : Block;
