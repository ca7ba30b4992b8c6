namespace FashionBench.Reports.Layout;

/// <summary>What is known only after layout: the page being drawn, the page count and every heading's page.</summary>
internal sealed record PageContext(int PageNumber, int PageCount, IReadOnlyList<TocEntry> Headings);
