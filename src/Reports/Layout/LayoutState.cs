namespace FashionBench.Reports.Layout;

/// <summary>Everything the block layouts share during the first pass, and what they record for the second.</summary>
internal sealed class LayoutState(Paginator paginator, ReportStyles styles, IReadOnlyList<HeadingBlock> allHeadings)
{
    public Paginator Paginator { get; } = paginator;
    public ReportStyles Styles { get; } = styles;

    /// <summary>Every heading in document order, known before layout so a table of contents can precede them.</summary>
    public IReadOnlyList<HeadingBlock> AllHeadings { get; } = allHeadings;

    public List<TocEntry> Headings { get; } = [];
    public List<FigurePlacement> Figures { get; } = [];
    public List<TablePlacement> Tables { get; } = [];

    public float Left => Paginator.Content.Left;
    public float Width => Paginator.Content.Width;
}
