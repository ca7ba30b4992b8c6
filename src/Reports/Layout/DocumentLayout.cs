namespace FashionBench.Reports.Layout;

/// <summary>The first pass: every block placed on pages; headings, figures and tables recorded with their pages.</summary>
internal sealed record DocumentLayout(IReadOnlyList<IReadOnlyList<IPageItem>> Pages, ReportLayout Summary)
{
    public static DocumentLayout Run(ReportDocument document, ReportStyles styles, PageSetup setup)
    {
        var state = new LayoutState(new Paginator(setup), styles, document.Blocks.OfType<HeadingBlock>().ToList());
        for (var i = 0; i < document.Blocks.Count; i++)
        {
            var block = document.Blocks[i];
            switch (block)
            {
                case TitleBlock title: TextBlockLayout.Place(title, state); break;
                case HeadingBlock heading: TextBlockLayout.Place(heading, KeepWithHeading(document.Blocks.ElementAtOrDefault(i + 1), state), state); break;
                case ParagraphBlock paragraph: TextBlockLayout.Place(paragraph, state); break;
                case TableBlock table: TableLayout.Place(table, state); break;
                case FigureBlock figure: FigureLayout.Place(figure, state); break;
                case KeyValueBlock keyValues: KeyValueLayout.Place(keyValues, state); break;
                case TableOfContentsBlock: TableOfContentsLayout.Place(state); break;
                case PageBreakBlock: if (!state.Paginator.AtPageTop) state.Paginator.NewPage(); break;
                default: throw new ArgumentException($"no layout for block type {block.GetType().Name}", nameof(document));
            }
        }
        var pages = state.Paginator.Pages;
        return new DocumentLayout(pages, new ReportLayout(pages.Count, state.Headings, state.Figures, state.Tables));
    }

    /// <summary>
    /// How much of the block after a heading must fit on the heading's page: a whole figure (it never splits), the
    /// caption, header and first row of a table, else a few lines of text.
    /// </summary>
    private static float KeepWithHeading(Block? next, LayoutState state) => next switch
    {
        FigureBlock figure => FigureLayout.Height(figure, state),   // with its whole caption: it moves with the figure
        TableBlock => 130,   // its caption, header and the first rows TableLayout keeps with the header
        _ => 40,
    };
}
