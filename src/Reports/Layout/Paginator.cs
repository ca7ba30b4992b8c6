using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// The layout cursor: pages of placed items and the vertical position on the last one (points from the page top).
/// Blocks ask for room before placing something that must stay whole; the paginator starts a new page when needed.
/// </summary>
internal sealed class Paginator(PageSetup setup)
{
    private readonly List<List<IPageItem>> pages = [[]];

    public SKRect Content { get; } = setup.Content;
    public float Y { get; private set; } = setup.Content.Top;

    /// <summary>1-based number of the page being filled.</summary>
    public int PageNumber => pages.Count;
    public bool AtPageTop => Y <= Content.Top;
    public float Remaining => Content.Bottom - Y;
    public IReadOnlyList<IReadOnlyList<IPageItem>> Pages => pages;

    public void NewPage()
    {
        pages.Add([]);
        Y = Content.Top;
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> points still fit (or this page is empty anyway).</summary>
    public void EnsureRoom(float height)
    {
        if (height > Remaining && !AtPageTop) NewPage();
    }

    /// <summary>Vertical space between blocks; dropped at the top of a page.</summary>
    public void Space(float height)
    {
        if (!AtPageTop) Y = Math.Min(Y + height, Content.Bottom);
    }

    public void Add(IPageItem item) => pages[^1].Add(item);

    public void Advance(float height) => Y += height;

    /// <summary>Places wrapped lines one by one from <paramref name="left"/>, breaking pages between lines.</summary>
    public void AddLines(IEnumerable<TextLine> lines, float left)
    {
        foreach (var line in lines)
        {
            EnsureRoom(line.Height);
            Add(new TextLineItem(line, left, Y));
            Advance(line.Height);
        }
    }
}
