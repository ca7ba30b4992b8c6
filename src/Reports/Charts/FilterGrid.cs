using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// First-layer convolution filters ([k][h][w], diverging colours: blue negative, white zero, red positive, scaled
/// per filter) in the upper part, and optionally activation maps ([c][h][w], viridis, scaled per map) below.
/// </summary>
public sealed class FilterGrid : IChartRecipe
{
    private const float LabelSize = 8;

    private static readonly ScottPlot.IColormap Balance = new ScottPlot.Colormaps.Balance();
    private static readonly ScottPlot.IColormap Viridis = new ScottPlot.Colormaps.Viridis();

    private readonly float[][][] filters;
    private readonly float[][][]? activations;
    private readonly int filterColumns, activationColumns;

    public FilterGrid(float[][][] filters, float[][][]? activations = null, int filterColumns = 16, int activationColumns = 8)
    {
        RequireRectangular(filters, nameof(filters));
        if (activations is not null) RequireRectangular(activations, nameof(activations));
        (this.filters, this.activations, this.filterColumns, this.activationColumns) = (filters, activations, filterColumns, activationColumns);
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var font = ChartFonts.Create(LabelSize, bold: true);
        var sections = new List<Section> { new($"first-layer filters ({filters.Length})", filters, filterColumns, Diverging) };
        if (activations is not null) sections.Add(new($"activation maps ({activations.Length})", activations, activationColumns, Sequential));

        // Each section's tiles fill the width; when the sections are too tall together, all shrink by the same factor.
        var titleHeight = LabelSize * 1.8f;
        var natural = sections.Sum(s => titleHeight + s.Rows * (s.NaturalSide(rect.Width) + TileGrid.Gap));
        var shrink = Math.Min(1, (rect.Height - sections.Count * titleHeight) / (natural - sections.Count * titleHeight));
        var top = rect.Top;
        foreach (var section in sections)
        {
            var side = section.NaturalSide(rect.Width) * shrink;
            var area = new SKRect(rect.Left, top + titleHeight, rect.Right, top + titleHeight + section.Rows * (side + TileGrid.Gap));
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(section.Title, rect.Left, top - font.Metrics.Ascent, SKTextAlign.Left, font, paint);
            DrawMaps(canvas, area, section);
            top = area.Bottom;
        }
    }

    private static void DrawMaps(SKCanvas canvas, SKRect area, Section section)
    {
        var (tiles, _) = TileGrid.Layout(area, section.Maps.Length, section.Columns, 0);
        for (var i = 0; i < tiles.Length; i++)
        {
            var map = section.Maps[i];
            var values = map.SelectMany(row => row).ToArray();
            var (min, max) = (values.Min(), values.Max());
            TileGrid.DrawCells(canvas, tiles[i], map[0].Length, map.Length, p => section.Color(values[p], min, max));
        }
    }

    private static void RequireRectangular(float[][][] maps, string name)
    {
        for (var i = 0; i < maps.Length; i++)
            if (maps[i].Length == 0 || maps[i].Any(row => row.Length != maps[i][0].Length || row.Length == 0))
                throw new ArgumentException($"{name}[{i}] is not a non-empty rectangular [h][w] map", name);
    }

    /// <summary>Symmetric around zero so white always means 0.</summary>
    private static SKColor Diverging(float v, float min, float max)
    {
        var extent = Math.Max(Math.Max(-min, max), 1e-12f);
        return Balance.GetColor(0.5 + 0.5 * v / extent).ToSKColor();
    }

    private static SKColor Sequential(float v, float min, float max) =>
        Viridis.GetColor(max > min ? (v - min) / (max - min) : 0).ToSKColor();

    private sealed record Section(string Title, float[][][] Maps, int Columns, Func<float, float, float, SKColor> Color)
    {
        public int Rows => TileGrid.Rows(Maps.Length, Math.Max(1, Columns));

        public float NaturalSide(float width) => TileGrid.Side(width, float.MaxValue, Math.Max(1, Columns), Rows, 0);
    }
}
