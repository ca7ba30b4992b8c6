namespace FashionBench.Reports.Layout;

/// <summary>Bold keys in a left column sized to the longest key (at most 40 % of the width), wrapped values beside them.</summary>
internal static class KeyValueLayout
{
    private const float Gap = 12;

    public static void Place(KeyValueBlock block, LayoutState state)
    {
        var page = state.Paginator;
        var styles = state.Styles;
        var keyWidth = Math.Min(block.Items.Select(i => styles.BodyBold.Measure(i.Key)).DefaultIfEmpty(0).Max(), state.Width * 0.4f);
        var valueLeft = state.Left + keyWidth + Gap;
        var valueWidth = state.Width - keyWidth - Gap;
        foreach (var (key, value) in block.Items)
        {
            var keyLines = LineBreaker.Wrap(key, styles.BodyBold, keyWidth);
            var valueLines = LineBreaker.Wrap(value, styles.Body, valueWidth);
            var height = Math.Max(keyLines.Sum(l => l.Height), valueLines.Sum(l => l.Height));
            page.EnsureRoom(height);
            var top = page.Y;
            Stack(keyLines, state.Left, top, page);
            Stack(valueLines, valueLeft, top, page);
            page.Advance(height + 1);
        }
        page.Space(8);
    }

    private static void Stack(IEnumerable<TextLine> lines, float left, float top, Paginator page)
    {
        foreach (var line in lines)
        {
            page.Add(new TextLineItem(line, left, top));
            top += line.Height;
        }
    }
}
