using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>Places a figure and its "Figure n." caption together on one page, across the content width.</summary>
internal static class FigureLayout
{
    private const float CaptionGap = 4;

    private const float SpaceBefore = 6;

    /// <summary>The height the figure takes on its page: the space above it, the figure and its wrapped caption.</summary>
    public static float Height(FigureBlock figure, LayoutState state) => SpaceBefore + figure.Height + CaptionGap + Caption(figure, state).Sum(l => l.Height);

    private static IReadOnlyList<TextLine> Caption(FigureBlock figure, LayoutState state) => LineBreaker.Wrap(
        [($"Figure {state.Figures.Count + 1}. ", state.Styles.CaptionLabel), (figure.Caption, state.Styles.Caption)], state.Width);

    public static void Place(FigureBlock figure, LayoutState state)
    {
        var page = state.Paginator;
        var number = state.Figures.Count + 1;
        var caption = Caption(figure, state);
        var total = figure.Height + CaptionGap + caption.Sum(l => l.Height);
        if (!(figure.Height > 0) || total > page.Content.Height)
            throw new ArgumentOutOfRangeException(nameof(figure),
                $"figure {number} ('{figure.Caption}'): height {figure.Height} pt with its caption must fit a page's {page.Content.Height} pt content height");

        page.EnsureRoom(total + SpaceBefore);
        page.Space(SpaceBefore);
        var bounds = new SKRect(state.Left, page.Y, state.Left + state.Width, page.Y + figure.Height);
        page.Add(new FigureItem(bounds, figure.Draw));
        state.Figures.Add(new FigurePlacement(number, figure.Caption, page.PageNumber, bounds));
        page.Advance(figure.Height + CaptionGap);
        page.AddLines(caption, state.Left);
        page.Space(12);
    }
}
