using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Documented against measured values per model (e.g. test accuracy), two horizontal bars per model from zero, with
/// their values written at the bar ends and the measured value's interval as whiskers. A documented value may be NaN
/// when the write-up gives none. The legend is a row above the plot, outside the data.
/// </summary>
public sealed class BarComparison : IChartRecipe
{
    private readonly IReadOnlyList<string> models;
    private readonly double[] documented, measured, measuredError;
    private readonly string valueLabel;

    /// <param name="measuredError">Half the measured value's interval per model (NaN: none).</param>
    public BarComparison(IReadOnlyList<string> models, double[] documented, double[] measured, string valueLabel, double[]? measuredError = null)
    {
        ChartData.RequireLength(documented, models.Count, nameof(documented));
        ChartData.RequireLength(measured, models.Count, nameof(measured));
        measuredError ??= measured.Select(_ => double.NaN).ToArray();
        ChartData.RequireLength(measuredError, models.Count, nameof(measuredError));
        (this.models, this.documented, this.measured, this.measuredError, this.valueLabel) = (models, documented, measured, measuredError, valueLabel);
    }

    /// <summary>
    /// The figure height for <paramref name="count"/> models: two bars each, the legend row and the axis; at least
    /// 124 pt, below which the axis and the legend row leave two models' bars under half the figure.
    /// </summary>
    public static float Height(int count) => Math.Clamp(60 + 22 * count, 124, 420);

    private static readonly string[] Series = ["documented", "measured (mean, 95 % interval)"];

    public IReadOnlyList<LegendEntry> Legend => LegendRow.Series(Series);

    public Plot CreatePlot()
    {
        var plot = new Plot();
        var values = new double[2, models.Count];
        var errors = new double[2, models.Count];
        for (var m = 0; m < models.Count; m++)
            (values[0, m], values[1, m], errors[0, m], errors[1, m]) = (documented[m], measured[m], double.NaN, measuredError[m]);
        GroupedBars.Add(plot, models, Series, values, horizontal: true, 0,
            v => v.ToString("0.00", CultureInfo.InvariantCulture), errors);
        var highest = values.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsX(0, highest * 1.14); // room for the value labels
        plot.Axes.SetLimitsY(-0.5, models.Count - 0.5);
        plot.XLabel(valueLabel);
        plot.HideLegend();   // the legend is a row above the figure
        return plot;
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var plot = CreatePlot();
        PlotRendering.Render(plot, canvas, rect, Legend);
    }
}
