namespace FashionBench.Reports.Layout;

/// <summary>Lays out the text-only blocks: title, headings (recorded for the contents) and paragraphs.</summary>
internal static class TextBlockLayout
{
    public static void Place(TitleBlock block, LayoutState state)
    {
        var page = state.Paginator;
        page.AddLines(LineBreaker.Wrap(block.Title, state.Styles.Title, state.Width), state.Left);
        if (block.Subtitle is not null)
        {
            page.Advance(2);
            page.AddLines(LineBreaker.Wrap(block.Subtitle, state.Styles.Subtitle, state.Width), state.Left);
        }
        page.Advance(8);
        page.Add(RectItem.HorizontalRule(state.Left, state.Left + state.Width, page.Y, ReportStyles.Accent, 1.2f));
        page.Advance(18);
    }

    /// <param name="keepWithNext">Height of what must stay on the heading's page (the start of the next block).</param>
    public static void Place(HeadingBlock block, float keepWithNext, LayoutState state)
    {
        var page = state.Paginator;
        var lines = LineBreaker.Wrap(block.Text, state.Styles.Heading(block.Level), state.Width);
        var (before, after) = block.Level == 1 ? (16, 10) : (10, 4);
        page.EnsureRoom(before + lines.Sum(l => l.Height) + after + keepWithNext);
        page.Space(before);

        var index = state.Headings.Count;
        state.Headings.Add(new TocEntry(block.Text, block.Level, page.PageNumber));
        page.Add(new AnchorItem(AnchorItem.ForHeading(index), new SkiaSharp.SKPoint(state.Left, page.Y)));
        page.AddLines(lines, state.Left);
        if (block.Level == 1)
        {
            page.Advance(2);
            page.Add(RectItem.HorizontalRule(state.Left, state.Left + state.Width, page.Y, ReportStyles.Rule));
            page.Advance(after - 2);
        }
        else page.Advance(after);
    }

    public static void Place(ParagraphBlock block, LayoutState state)
    {
        var runs = block.Runs.Select(r => (r.Text, r.Bold ? state.Styles.BodyBold : state.Styles.Body));
        state.Paginator.AddLines(LineBreaker.Wrap(runs, state.Width), state.Left);
        state.Paginator.Space(7);
    }
}
