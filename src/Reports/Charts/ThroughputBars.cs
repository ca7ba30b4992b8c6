using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Inference throughput (images/s) per batch size, one bar per engine. With <c>logScale</c> the bars are drawn
/// on log10 values with decade ticks, since engines can differ by orders of magnitude. Panels of several models share
/// one value axis when given the same <c>limits</c>.
/// </summary>
public sealed class ThroughputBars : IChartRecipe
{
    private readonly IReadOnlyList<string> engines;
    private readonly IReadOnlyList<int> batchSizes;
    private readonly double[,] imagesPerSecond;
    private readonly bool logScale;
    private readonly (double Low, double High)? limits;

    /// <param name="imagesPerSecond">[engine, batch size]; NaN where not measured.</param>
    /// <param name="limits">The value axis in images/s, shared by panels drawn side by side; null: from these values.</param>
    public ThroughputBars(IReadOnlyList<string> engines, IReadOnlyList<int> batchSizes, double[,] imagesPerSecond, bool logScale = false,
        (double Low, double High)? limits = null)
    {
        if (imagesPerSecond.GetLength(0) != engines.Count || imagesPerSecond.GetLength(1) != batchSizes.Count)
            throw new ArgumentException($"imagesPerSecond is {imagesPerSecond.GetLength(0)}×{imagesPerSecond.GetLength(1)}, expected {engines.Count} engines × {batchSizes.Count} batch sizes", nameof(imagesPerSecond));
        if (logScale && imagesPerSecond.Cast<double>().Any(v => v <= 0))
            throw new ArgumentException("a log-scale throughput chart needs positive values", nameof(imagesPerSecond));
        (this.engines, this.batchSizes, this.imagesPerSecond, this.logScale, this.limits) = (engines, batchSizes, imagesPerSecond, logScale, limits);
    }

    /// <summary>
    /// One value axis for every panel of <paramref name="imagesPerSecond"/> (all the measurements drawn together), and
    /// whether it is logarithmic: when the values differ more than tenfold.
    /// </summary>
    public static (bool LogScale, (double Low, double High) Limits) SharedAxis(IReadOnlyCollection<double> imagesPerSecond)
    {
        var logScale = imagesPerSecond.All(v => v > 0) && imagesPerSecond.Max() / imagesPerSecond.Min() > 10;
        return (logScale, logScale
            ? (Math.Pow(10, Math.Floor(Math.Log10(imagesPerSecond.Min()))), imagesPerSecond.Max() * 1.25)
            : (0, imagesPerSecond.Max() * 1.05));
    }

    public IReadOnlyList<LegendEntry> Legend => LegendRow.Series(engines);

    /// <param name="panel">One of small multiples: batch sizes as bare numbers and no value-axis label (the caption says it once).</param>
    public Plot CreatePlot(bool panel = false)
    {
        var plot = new Plot();
        var values = logScale ? ChartData.Map(imagesPerSecond, Math.Log10) : imagesPerSecond;
        var measured = values.Cast<double>().Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var valueBase = !logScale ? 0 : limits is null ? Math.Floor(measured.Min()) : Math.Log10(limits.Value.Low);
        var groups = batchSizes.Select(b => (panel ? "" : "batch ") + b.ToString(CultureInfo.InvariantCulture)).ToArray();
        GroupedBars.Add(plot, groups, engines, values, horizontal: false, valueBase);
        if (logScale)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = v => panel ? Decade(v) : Math.Pow(10, v).ToString("#,0", CultureInfo.InvariantCulture),
            };
            plot.Axes.SetLimitsY(valueBase, limits is { } axis ? Math.Log10(axis.High) : measured.Max() + 0.1);
        }
        else if (limits is { } axis) plot.Axes.SetLimitsY(axis.Low, axis.High);
        else plot.Axes.Margins(bottom: 0);
        if (panel) plot.XLabel("batch size");
        else plot.YLabel(logScale ? "images / s (log scale)" : "images / s");
        plot.HideLegend();   // the legend is a row above the figure
        return plot;
    }

    /// <summary>A power of ten, short enough for a narrow panel's axis: 100, 10k, 1M.</summary>
    private static string Decade(double log10) => Math.Round(log10) switch
    {
        < 3 and var e => Math.Pow(10, e).ToString("0", CultureInfo.InvariantCulture),
        < 6 and var e => Math.Pow(10, e - 3).ToString("0", CultureInfo.InvariantCulture) + "k",
        var e => Math.Pow(10, e - 6).ToString("0", CultureInfo.InvariantCulture) + "M",
    };

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var plot = CreatePlot();
        PlotRendering.Render(plot, canvas, rect, Legend);
    }
}
