using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Documented against measured values per model (e.g. test accuracy), two horizontal bars per model with their
/// values written at the bar ends. A documented value may be NaN when the write-up gives none.
/// </summary>
public sealed class BarComparison : IChartRecipe
{
    private readonly IReadOnlyList<string> models;
    private readonly double[] documented, measured;
    private readonly string valueLabel;
    private readonly double baseline;

    /// <param name="baseline">Where bars start; above 0 to make small differences between high accuracies visible.</param>
    public BarComparison(IReadOnlyList<string> models, double[] documented, double[] measured, string valueLabel, double baseline = 0)
    {
        ChartData.RequireLength(documented, models.Count, nameof(documented));
        ChartData.RequireLength(measured, models.Count, nameof(measured));
        (this.models, this.documented, this.measured, this.valueLabel, this.baseline) = (models, documented, measured, valueLabel, baseline);
    }

    public Plot CreatePlot()
    {
        var plot = new Plot();
        var values = new double[2, models.Count];
        for (var m = 0; m < models.Count; m++) (values[0, m], values[1, m]) = (documented[m], measured[m]);
        GroupedBars.Add(plot, models, ["documented", "measured"], values, horizontal: true, baseline,
            v => v.ToString("0.00", CultureInfo.InvariantCulture));
        var highest = values.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(baseline + 1).Max();
        plot.Axes.SetLimitsX(baseline, highest + (highest - baseline) * 0.12); // room for the value labels
        plot.Axes.SetLimitsY(-0.5, models.Count + 0.3); // an empty band above the first model holds the legend
        plot.XLabel(valueLabel);
        plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        return plot;
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var plot = CreatePlot();
        PlotRendering.Render(plot, canvas, rect);
    }
}
