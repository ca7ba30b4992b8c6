using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Single-image latency across models: one row per model, one bar per engine at its median (p50) latency, and a dot
/// at its 95th percentile, so a slow tail shows beside the typical call. Log scale when the latencies differ tenfold.
/// </summary>
public sealed class LatencyBars : IChartRecipe
{
    private readonly IReadOnlyList<string> models;
    private readonly IReadOnlyList<string> engines;
    private readonly double[,] p50Ms, p95Ms;

    /// <param name="p50Ms">[engine, model] median latency in ms; NaN where not measured.</param>
    /// <param name="p95Ms">[engine, model] 95th-percentile latency in ms.</param>
    public LatencyBars(IReadOnlyList<string> models, IReadOnlyList<string> engines, double[,] p50Ms, double[,] p95Ms)
    {
        if (p50Ms.GetLength(0) != engines.Count || p50Ms.GetLength(1) != models.Count || p95Ms.GetLength(0) != engines.Count || p95Ms.GetLength(1) != models.Count)
            throw new ArgumentException($"latencies must be {engines.Count} engines × {models.Count} models");
        if (p50Ms.Cast<double>().Concat(p95Ms.Cast<double>()).Any(v => v <= 0))
            throw new ArgumentException("latencies must be positive");
        (this.models, this.engines, this.p50Ms, this.p95Ms) = (models, engines, p50Ms, p95Ms);
    }

    /// <summary>Height for <paramref name="count"/> models: a row of bars each, and room for the axis and legend.</summary>
    public static float Height(int count, int engines) => LegendRow.Height + 30 + count * Math.Max(10, 3.5f * engines);

    public IReadOnlyList<LegendEntry> Legend => [.. LegendRow.Series(engines), new("p95", LegendSymbol.Dot, Colors.Black)];

    public Plot CreatePlot()
    {
        var plot = new Plot();
        var all = p50Ms.Cast<double>().Concat(p95Ms.Cast<double>()).Where(v => !double.IsNaN(v)).DefaultIfEmpty(1).ToArray();
        var logScale = all.Max() / all.Min() > 10;
        Func<double, double> scale = logScale ? Math.Log10 : v => v;
        var valueBase = logScale ? Math.Floor(Math.Log10(all.Min())) : 0;
        var values = ChartData.Map(p50Ms, scale);
        GroupedBars.Add(plot, models, engines, values, horizontal: true, valueBase);
        for (var e = 0; e < engines.Count; e++)
        {
            var points = Enumerable.Range(0, models.Count).Where(m => !double.IsNaN(p95Ms[e, m]))
                .Select(m => new Coordinates(scale(p95Ms[e, m]), GroupedBars.Position(m, models.Count, e, engines.Count, horizontal: true))).ToList();
            plot.Add.Markers(points, MarkerShape.FilledCircle, size: 3.5f, color: Colors.Black);
        }
        if (logScale)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                IntegerTicksOnly = true,
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = v => Math.Pow(10, v).ToString("0.###", CultureInfo.InvariantCulture),
            };
        plot.Axes.SetLimitsX(valueBase, scale(all.Max()) + (logScale ? 0.1 : all.Max() * 0.05));
        plot.XLabel(logScale ? "ms per image at batch 1 (log scale): bar p50, dot p95" : "ms per image at batch 1: bar p50, dot p95");
        plot.HideLegend();   // the legend is a row above the figure
        return plot;
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var plot = CreatePlot();
        PlotRendering.Render(plot, canvas, rect, Legend);
    }
}
