using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Small multiples: the row-normalised confusion matrices of several models, <see cref="Columns"/> to a row on shared
/// colours, each titled with its model, so a write-up's models are compared at a glance.
/// </summary>
public sealed class ConfusionGrid(IReadOnlyList<(string Title, int[,] Counts)> matrices, IReadOnlyList<string> classNames) : IChartRecipe
{
    public const int Columns = 3;

    /// <summary>The height the grid needs at <paramref name="width"/>: square panels of a row's share of the width.</summary>
    public static float Height(int count, float width) => TileGrid.Rows(count, Columns) * (width / Columns + TileGrid.Gap);

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        var (tiles, _) = TileGrid.Layout(rect, matrices.Count, Columns, captionHeight: 0);
        for (var i = 0; i < matrices.Count; i++)
            new ConfusionHeatmap(matrices[i].Counts, classNames, normaliseRows: true, matrices[i].Title).Draw(canvas, tiles[i]);
    }
}
