using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// A confusion matrix, rows = true class (top to bottom), columns = predicted class, shaded by count or by the
/// fraction of the row, with each cell's value written in it (or, as one of small multiples, classes by index and no values).
/// </summary>
public sealed class ConfusionHeatmap : IChartRecipe
{
    private readonly int[,] counts;
    private readonly IReadOnlyList<string> classNames;
    private readonly bool normaliseRows;
    private readonly bool smallMultiple;

    /// <param name="smallMultiple">One of several side by side (<see cref="ConfusionGrid"/>): classes by index, no cell values
    /// (the exact counts are in confusion.csv), no axis titles.</param>
    public ConfusionHeatmap(int[,] counts, IReadOnlyList<string> classNames, bool normaliseRows = true, bool smallMultiple = false)
    {
        if (counts.GetLength(0) != counts.GetLength(1) || counts.GetLength(0) != classNames.Count)
            throw new ArgumentException($"counts is {counts.GetLength(0)}×{counts.GetLength(1)}, expected {classNames.Count}×{classNames.Count} for the class names", nameof(counts));
        (this.counts, this.classNames, this.normaliseRows, this.smallMultiple) = (counts, classNames, normaliseRows, smallMultiple);
    }

    public Plot CreatePlot()
    {
        var n = classNames.Count;
        var plot = new Plot();
        var colormap = new ScottPlot.Colormaps.Blues();
        var max = Math.Max(1, counts.Cast<int>().Max());
        for (var t = 0; t < n; t++)
        {
            var rowTotal = Math.Max(1, Enumerable.Range(0, n).Sum(p => counts[t, p]));
            for (var p = 0; p < n; p++)
            {
                var shade = normaliseRows ? (double)counts[t, p] / rowTotal : (double)counts[t, p] / max;
                var y = n - 1 - t; // true class 0 at the top
                var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = colormap.GetColor(1 - shade); // ScottPlot's Blues runs dark to light
                cell.LineColor = Colors.White;
                cell.LineWidth = 0.5f;
                if (smallMultiple) continue;
                var label = plot.Add.Text(normaliseRows
                    ? shade.ToString("0.00", CultureInfo.InvariantCulture)
                    : counts[t, p].ToString(CultureInfo.InvariantCulture), p, y);
                label.Alignment = Alignment.MiddleCenter;
                label.LabelFontSize = n > 12 ? 5 : 6.5f;
                label.LabelFontColor = shade > 0.55 ? Colors.White : Colors.Black;
            }
        }
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        if (smallMultiple)
        {
            // Classes by index on both axes (the caption keys them), true class 0 at the top; no axis titles.
            plot.Axes.Bottom.SetTicks(positions, positions.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.Left.SetTicks(positions, positions.Select(i => (n - 1 - i).ToString(CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
            plot.HideGrid();
            // Room for one digit of tick label left and below, none for absent titles: the panel is the cells.
            plot.Layout.Fixed(new PixelPadding(left: 12, right: 2, bottom: 12, top: 2));
            return plot;
        }
        plot.Axes.Bottom.SetTicks(positions, classNames.ToArray());
        // Rotated names hang down-right from their ticks; ScottPlot sizes the axis for unrotated text, so make room.
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        using (var font = ChartFonts.Create(PlotRendering.TickFontSize))
        {
            var widest = classNames.Max(name => font.MeasureText(name));
            plot.Axes.Bottom.MinimumSize = widest * 0.71f + PlotRendering.AxisLabelFontSize * 2.5f;
            plot.Axes.Right.MinimumSize = widest * 0.71f;
        }
        plot.Axes.Left.SetTicks(positions, classNames.Reverse().ToArray());
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.HideGrid();
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        return plot;
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var plot = CreatePlot();
        PlotRendering.Render(plot, canvas, Square(rect));
    }

    /// <summary>A square area centred in the figure, so cells are square.</summary>
    private static SKRect Square(SKRect rect)
    {
        var side = Math.Min(rect.Width, rect.Height);
        return SKRect.Create(rect.MidX - side / 2, rect.Top, side, side);
    }
}
