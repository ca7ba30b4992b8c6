using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Small multiples: the row-normalised confusion matrices of several models, <see cref="Columns"/> to a row on shared
/// colours, each titled with its model, so a write-up's models are compared at a glance. Classes are keyed by index
/// on both axes (the caption names them), which leaves each panel its width for the cells.
/// </summary>
public sealed class ConfusionGrid(IReadOnlyList<(string Title, int[,] Counts)> matrices, IReadOnlyList<string> classNames) : IChartRecipe
{
    public const int Columns = 5;

    /// <summary>The height the grid needs at <paramref name="width"/>: square panels of a row's share of the width, each under its title.</summary>
    public static float Height(int count, float width) => TileGrid.Rows(count, Columns) * (width / Columns + PanelTitle.Height);

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        // Panels keep the size of a full row's (a grid of two is not drawn larger than one of five), centred, titles above.
        var pitch = rect.Width / Columns;
        var used = pitch * Math.Min(Columns, matrices.Count);
        var left = rect.MidX - used / 2;
        var (tiles, _) = TileGrid.Layout(new SKRect(left, rect.Top, left + used, rect.Bottom), matrices.Count, Columns, captionHeight: PanelTitle.Height);
        for (var i = 0; i < matrices.Count; i++)
        {
            PanelTitle.Draw(canvas, matrices[i].Title, tiles[i].MidX - pitch / 2, tiles[i].Top, pitch);
            var panel = tiles[i];
            panel.Offset(0, PanelTitle.Height);
            new ConfusionHeatmap(matrices[i].Counts, classNames, normaliseRows: true, smallMultiple: true).Draw(canvas, panel);
        }
    }
}
