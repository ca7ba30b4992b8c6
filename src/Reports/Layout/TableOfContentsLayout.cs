namespace FashionBench.Reports.Layout;

/// <summary>
/// "Contents" and one line per heading of the document, indented by level; page numbers come in the render pass.
/// When the entries in body text would not fit on the page, the sub-entries take the first smaller style that fits
/// (cell, caption, footer), so the contents stay on one page.
/// </summary>
internal static class TableOfContentsLayout
{
    private const float IndentPerLevel = 14;

    /// <summary>Room kept on the right of each entry for the dotted leader and the page number.</summary>
    private const float NumberColumn = 40;

    public static void Place(LayoutState state)
    {
        var page = state.Paginator;
        var styles = state.Styles;
        page.Space(10);
        page.AddLines(LineBreaker.Wrap("Contents", styles.Heading(1), state.Width), state.Left);
        page.Advance(8);
        var headings = state.AllHeadings;
        float Needed(TextStyle sub) => headings.Where(h => h.InContents).Sum(h => (h.Level == 1 ? styles.BodyBold.LineHeight + 4 : sub.LineHeight));
        var subStyle = new[] { styles.Body, styles.Cell, styles.Caption, styles.Footer }.FirstOrDefault(st => Needed(st) <= page.Remaining) ?? styles.Footer;
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            if (!heading.InContents) continue;
            var style = heading.Level == 1 ? styles.BodyBold : subStyle;
            var indent = (heading.Level - 1) * IndentPerLevel;
            var line = LineBreaker.Wrap(style.Ellipsize(heading.Text, state.Width - indent - NumberColumn), style, float.MaxValue)[0];
            page.Space(heading.Level == 1 ? 4 : 0);
            page.EnsureRoom(line.Height);
            page.Add(new TocLineItem(i, line, state.Left + indent, page.Y, state.Left + state.Width, style));
            page.Advance(line.Height);
        }
        page.Space(12);
    }
}
