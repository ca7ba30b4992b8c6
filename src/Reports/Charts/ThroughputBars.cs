using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Inference throughput (images/s) per batch size, one bar per engine. With <c>logScale</c> the bars are drawn
/// on log10 values with decade ticks, since engines can differ by orders of magnitude.
/// </summary>
public sealed class ThroughputBars : IChartRecipe
{
    private readonly IReadOnlyList<string> engines;
    private readonly IReadOnlyList<int> batchSizes;
    private readonly double[,] imagesPerSecond;
    private readonly bool logScale;

    /// <param name="imagesPerSecond">[engine, batch size]; NaN where not measured.</param>
    public ThroughputBars(IReadOnlyList<string> engines, IReadOnlyList<int> batchSizes, double[,] imagesPerSecond, bool logScale = false)
    {
        if (imagesPerSecond.GetLength(0) != engines.Count || imagesPerSecond.GetLength(1) != batchSizes.Count)
            throw new ArgumentException($"imagesPerSecond is {imagesPerSecond.GetLength(0)}×{imagesPerSecond.GetLength(1)}, expected {engines.Count} engines × {batchSizes.Count} batch sizes", nameof(imagesPerSecond));
        if (logScale && imagesPerSecond.Cast<double>().Any(v => v <= 0))
            throw new ArgumentException("a log-scale throughput chart needs positive values", nameof(imagesPerSecond));
        (this.engines, this.batchSizes, this.imagesPerSecond, this.logScale) = (engines, batchSizes, imagesPerSecond, logScale);
    }

    /// <param name="legend">A legend panel below the plot; false where the caller draws one legend for several charts.</param>
    public Plot CreatePlot(bool legend = true)
    {
        var plot = new Plot();
        var values = logScale ? Map(imagesPerSecond, Math.Log10) : imagesPerSecond;
        var measured = values.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var valueBase = logScale ? Math.Floor(measured.Min()) : 0;
        var groups = batchSizes.Select(b => "batch " + b.ToString(CultureInfo.InvariantCulture)).ToArray();
        GroupedBars.Add(plot, groups, engines, values, horizontal: false, valueBase);
        if (logScale)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = v => Math.Pow(10, v).ToString("#,0", CultureInfo.InvariantCulture),
            };
            plot.Axes.SetLimitsY(valueBase, measured.Max() + 0.1);
        }
        else
        {
            plot.Axes.Margins(bottom: 0);
        }
        plot.YLabel(logScale ? "images / s (log scale)" : "images / s");
        if (legend) plot.ShowLegend(Edge.Bottom);
        else plot.HideLegend();
        return plot;
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var plot = CreatePlot();
        PlotRendering.Render(plot, canvas, rect);
    }

    private static double[,] Map(double[,] values, Func<double, double> f)
    {
        var result = new double[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
            for (var j = 0; j < values.GetLength(1); j++)
                result[i, j] = f(values[i, j]);
        return result;
    }
}
