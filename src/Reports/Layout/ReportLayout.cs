namespace FashionBench.Reports.Layout;

/// <summary>What the paginator decided: page count and where headings, figures and tables ended up.</summary>
public sealed record ReportLayout(
    int PageCount,
    IReadOnlyList<TocEntry> Headings,
    IReadOnlyList<FigurePlacement> Figures,
    IReadOnlyList<TablePlacement> Tables);
