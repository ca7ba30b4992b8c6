using System.Globalization;
using FashionBench.Reports.Charts;
using NUnit.Framework;
using ScottPlot;
using ScottPlot.Plottables;
using FashionBench.Reports.Layout;
using SkiaSharp;

namespace FashionBench.Tests.Reports;

/// <summary>What each recipe puts in its plot, checked on the ScottPlot objects (invariant culture for labels).</summary>
[TestFixture]
public sealed class ChartRecipeTests
{
    private static readonly string[] Names = ["a", "b", "c"];
    private static readonly int[,] Counts = { { 8, 2, 0 }, { 1, 6, 3 }, { 0, 0, 5 } };

    [Test]
    public void ConfusionHeatmapLabelsRowFractionsOrCounts()
    {
        var fractions = Labels(new ConfusionHeatmap(Counts, Names).CreatePlot());
        Assert.That(fractions, Is.EqualTo(new[] { "0.80", "0.20", "0.00", "0.10", "0.60", "0.30", "0.00", "0.00", "1.00" }));
        var counts = Labels(new ConfusionHeatmap(Counts, Names, normaliseRows: false).CreatePlot());
        Assert.That(counts, Is.EqualTo(Counts.Cast<int>().Select(c => c.ToString(CultureInfo.InvariantCulture))));
    }

    [Test]
    public void ConfusionHeatmapPutsTheFirstTrueClassOnTop()
    {
        var first = new ConfusionHeatmap(Counts, Names).CreatePlot().GetPlottables<Text>().First();
        Assert.That(first.Location.Y, Is.EqualTo(2));
        Assert.That(() => new ConfusionHeatmap(Counts, ["a", "b"]), Throws.ArgumentException.With.Message.Contains("expected 2×2"));
    }

    [Test]
    public void ThroughputBarsOnLogScaleUseLog10AndSkipMissingValues()
    {
        var ips = new double[,] { { 10, 1000 }, { double.NaN, 100 } };
        var plot = new ThroughputBars(["cpu", "gpu"], [1, 64], ips, logScale: true).CreatePlot();
        var values = plot.GetPlottables<BarPlot>().SelectMany(b => b.Bars).Select(b => b.Value).ToArray();
        Assert.That(values, Is.EqualTo(new[] { 1.0, 3.0, 2.0 }).Within(1e-12));
        Assert.That(() => new ThroughputBars(["cpu"], [1], new double[,] { { 0 } }, logScale: true), Throws.ArgumentException);
    }

    [Test]
    public void PanelsShareOneThroughputAxis()
    {
        var (logScale, limits) = ThroughputBars.SharedAxis([300, 5_000, 80_000]);
        Assert.That((logScale, limits.Low), Is.EqualTo((true, 100.0)), "a decade below the slowest");
        var slow = new ThroughputBars(["cpu"], [1], new double[,] { { 300 } }, logScale, limits).CreatePlot(panel: true);
        var fast = new ThroughputBars(["cpu"], [1], new double[,] { { 80_000 } }, logScale, limits).CreatePlot(panel: true);
        Assert.That(slow.Axes.GetLimits().Top, Is.EqualTo(fast.Axes.GetLimits().Top).And.EqualTo(Math.Log10(100_000)).Within(1e-12));
        var ticks = (ScottPlot.TickGenerators.NumericAutomatic)slow.Axes.Left.TickGenerator;
        Assert.That(new[] { 2.0, 4, 6, 7 }.Select(ticks.LabelFormatter), Is.EqualTo(new[] { "100", "10k", "1M", "10M" }), "a narrow panel's decades");
        Assert.That(slow.Axes.GetLimits().Bottom, Is.EqualTo(fast.Axes.GetLimits().Bottom).And.EqualTo(2).Within(1e-12));
        Assert.That(ThroughputBars.SharedAxis([300, 900]).LogScale, Is.False, "within tenfold: linear");
    }

    [Test]
    public void LatencyBarsDrawTheMedianAsABarAndTheP95AsADot()
    {
        double[,] p50 = { { 1, double.NaN }, { 0.05, 0.1 } }, p95 = { { 2, double.NaN }, { 0.06, 0.3 } };
        var plot = new LatencyBars(["m1", "m2"], ["TorchSharp", "ONNX Runtime"], p50, p95).CreatePlot();
        var bars = plot.GetPlottables<BarPlot>().SelectMany(b => b.Bars).Select(b => b.Value).ToArray();
        Assert.That(bars, Is.EqualTo(new[] { 0.0, Math.Log10(0.05), -1.0 }).Within(1e-12), "log10 of the p50s: 20-fold apart, so a log scale");
        var dots = plot.GetPlottables<Markers>().SelectMany(m => m.Data.GetScatterPoints()).Select(c => c.X).ToArray();
        Assert.That(dots, Is.EqualTo(new[] { Math.Log10(2), Math.Log10(0.06), Math.Log10(0.3) }).Within(1e-12), "one dot per measured p95");
        Assert.That(() => new LatencyBars(["m1"], ["cpu"], new double[,] { { 0 } }, new double[,] { { 1 } }), Throws.ArgumentException);
    }

    [Test]
    public void BarComparisonHasOneBarPerKnownValueFromZeroWithTheMeasuredInterval()
    {
        var plot = new BarComparison(["m1", "m2"], [91.0, double.NaN], [90.5, 92.0], "accuracy (%)", [0.4, double.NaN]).CreatePlot();
        var bars = plot.GetPlottables<BarPlot>().Select(p => p.Bars.Select(b => (b.Value, b.ValueBase, b.Label, b.Error)).ToArray()).ToArray();
        Assert.That(bars[0], Is.EqualTo(new[] { (91.0, 0.0, "91.00", 0.0) }), "documented");
        Assert.That(bars[1], Is.EqualTo(new[] { (90.5, 0.0, "90.50", 0.4), (92.0, 0.0, "92.00", 0.0) }), "measured");
        Assert.That(plot.Axes.GetLimits().Left, Is.Zero, "a zero baseline does not exaggerate differences");
    }

    /// <summary>Every chart's legend is one row above its figure (<see cref="LegendRow"/>): none inside or beside the data.</summary>
    [Test]
    public void EveryLegendIsARowAboveTheData()
    {
        double[] epochs = [1, 2, 3];
        var curves = new TrainingCurves(epochs, S(1, 0.8, 0.7), S(1.1, 0.9, 0.85), S(60, 70, 75), S(58, 66, 70), [0.1, 0.05, 0.01], [2]);
        var comparison = new BarComparison(["m1"], [91.0], [90.5], "accuracy (%)");
        var throughput = new ThroughputBars(["TorchSharp", "ONNX Runtime"], [1, 64], new double[,] { { 100, 200 }, { 300, 400 } });
        var latency = new LatencyBars(["m1", "m2"], ["TorchSharp", "ONNX Runtime"], new double[,] { { 1, 2 }, { 0.5, 1 } }, new double[,] { { 1.5, 3 }, { 0.6, 1.2 } });
        (Plot Plot, IReadOnlyList<LegendEntry> Legend, string[] Names)[] charts =
        [
            (curves.CreateLossPlot(), curves.Legend, ["train", "validation", "restored weights", "learning rate (right axis)"]),
            (curves.CreateAccuracyPlot(), curves.Legend, ["train", "validation", "restored weights", "learning rate (right axis)"]),
            (comparison.CreatePlot(), comparison.Legend, ["documented", "measured (mean, 95 % interval)"]),
            (throughput.CreatePlot(), throughput.Legend, ["TorchSharp", "ONNX Runtime"]),
            (latency.CreatePlot(), latency.Legend, ["TorchSharp", "ONNX Runtime", "p95"]),
        ];
        foreach (var (plot, legend, names) in charts)
        {
            Assert.That((plot.Legend.IsVisible, plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Count()), Is.EqualTo((false, 0)),
                "no legend of ScottPlot's, inside the data area or in a panel beside it");
            Assert.That(legend.Select(e => e.Name), Is.EqualTo(names));
        }
        Assert.That(new TrainingCurves(epochs, S(1, 0.8, 0.7), S(1.1, 0.9, 0.85), S(60, 70, 75), S(58, 66, 70)).Legend.Select(e => e.Name),
            Is.EqualTo(new[] { "train", "validation" }), "no entry for what is not drawn");
    }

    /// <summary>
    /// Drawn at its size on a report page, a chart keeps most of its figure for the data: the legend row, axes and labels
    /// take the rest. (A legend panel of one entry per line once left the curves a sliver with a single tick.)
    /// </summary>
    [Test]
    public void ChartsDrawnAtTheirReportSizeKeepMostOfTheFigureForData()
    {
        using var bitmap = new SKBitmap(600, 900);
        using var canvas = new SKCanvas(bitmap);
        var width = PageSetup.A4Portrait.Content.Width;
        double[] epochs = [.. Enumerable.Range(1, 20).Select(e => (double)e)];
        var rising = epochs.Select(e => 80 + e / 2).ToArray();
        var curves = new TrainingCurves(epochs, epochs.Select(e => 1 / e).ToArray(), epochs.Select(e => 1.2 / e).ToArray(), rising, rising,
            epochs.Select(e => 0.001 * Math.Pow(0.5, (int)(e / 5))).ToArray(), [17, 18, 20]);
        var figure = new SKRect(0, 0, width, TrainingCurves.Height);
        var (lossRect, accuracyRect) = curves.PanelRects(figure);
        using (var loss = curves.CreateLossPlot()) AssertMostlyData(PlotRendering.Render(loss, canvas, lossRect), lossRect, figure, "loss panel");
        using (var accuracy = curves.CreateAccuracyPlot()) AssertMostlyData(PlotRendering.Render(accuracy, canvas, accuracyRect), accuracyRect, figure, "accuracy panel");

        // The fewest and the most models a write-up has (000: two; 002: seven), and the inference section's twenty.
        foreach (var count in new[] { 2, 7 })
        {
            var models = Enumerable.Range(1, count).Select(m => $"model {m}").ToList();
            var comparison = new BarComparison(models, [.. models.Select(_ => 90.9)], [.. models.Select(_ => 91.2)], "test accuracy (%)", [.. models.Select(_ => 0.6)]);
            figure = new SKRect(0, 0, width, BarComparison.Height(count));
            using var plot = comparison.CreatePlot();
            AssertMostlyData(PlotRendering.Render(plot, canvas, figure, comparison.Legend), figure, figure, $"bar comparison of {count}");
        }
        var twenty = Enumerable.Range(1, 20).Select(m => $"model {m}").ToList();
        double[,] p50 = new double[3, 20], p95 = new double[3, 20];
        for (var m = 0; m < 20; m++)
            for (var (e, ms) = (0, new[] { 0.6, 0.5, 0.15 }); e < 3; e++) (p50[e, m], p95[e, m]) = (ms[e], ms[e] * 1.5);
        var latency = new LatencyBars(twenty, ["torchsharp-plain", "torchsharp", "onnxruntime"], p50, p95);
        figure = new SKRect(0, 0, width, LatencyBars.Height(twenty.Count, 3));
        using (var plot = latency.CreatePlot()) AssertMostlyData(PlotRendering.Render(plot, canvas, figure, latency.Legend), figure, figure, "latency bars");
    }

    private static void AssertMostlyData(PixelRect data, SKRect panel, SKRect figure, string what)
    {
        Assert.That(data.Height, Is.GreaterThanOrEqualTo(0.5 * figure.Height), what + ": data height against the figure's");
        Assert.That(data.Width, Is.GreaterThanOrEqualTo(0.6 * panel.Width), what + ": data width against its panel's");
    }

    [Test]
    public void ACurveBandAndRestoredEpochsAreDrawnAndAConstantRateIsNot()
    {
        double[] epochs = [1, 2, 3];
        var band = new CurveSeries([60, 70, 75], [58, 68, 74], [62, 72, 76]);
        var curves = new TrainingCurves(epochs, S(1, 0.8, 0.7), S(1.1, 0.9, 0.85), band, S(58, 66, 70), [0.01, 0.01, 0.01], [2, 2, 3]);
        Assert.That(curves.CreateLossPlot().GetPlottables<Scatter>().Select(s => s.LegendText), Is.EqualTo(new[] { "train", "validation" }),
            "a constant rate is said in the caption, not drawn on a −1 … 1 axis");
        var accuracy = curves.CreateAccuracyPlot();
        Assert.That(accuracy.GetPlottables<ScottPlot.Plottables.FillY>(), Has.Exactly(1).Items, "the train band");
        var wide = new TrainingCurves(epochs, new CurveSeries([0.2, 0.1, 0.1], [-0.3, -0.1, 0.05], [0.7, 0.3, 0.15]), S(1.1, 0.9, 0.85),
            new CurveSeries([90, 95, 98], [80, 88, 94], [100, 102, 102]), S(58, 66, 70));
        var cut = new[] { wide.CreateLossPlot(), wide.CreateAccuracyPlot() }.Select(p => p.GetPlottables<ScottPlot.Plottables.FillY>().Single().GetAxisLimits()).ToList();
        Assert.That((cut[0].Bottom, cut[1].Top), Is.EqualTo((0.0, 100.0)), "a band ends where loss and accuracy end: at 0 and at 100 %");
        Assert.That(accuracy.GetPlottables<ScottPlot.Plottables.VerticalLine>().Select(l => l.X), Is.EqualTo(new[] { 2.0, 3.0 }));
    }

    [Test]
    public void TrainingCurvesPutTheLearningRateOnTheRightAxis()
    {
        double[] epochs = [1, 2, 3];
        var curves = new TrainingCurves(epochs, S(1, 0.8, 0.7), S(1.1, 0.9, 0.85), S(60, 70, 75), S(58, 66, 70), [0.1, 0.05, 0.01]);
        var loss = curves.CreateLossPlot();
        var lr = loss.GetPlottables<Scatter>().Single(s => s.LegendText is not ("train" or "validation"));
        Assert.That(lr.Axes.YAxis, Is.SameAs(loss.Axes.Right));
        Assert.That(lr.Data.GetScatterPoints().Select(p => p.Y), Is.EqualTo(new[] { 0.1, 0.05, 0.01 }));
        Assert.That(curves.CreateAccuracyPlot().GetPlottables<Scatter>().Select(s => s.LegendText), Is.EqualTo(new[] { "train", "validation" }));
        Assert.That(() => new TrainingCurves(epochs, S(1, 2), S(1, 2, 3), S(1, 2, 3), S(1, 2, 3)), Throws.ArgumentException.With.Message.Contains("trainLoss"));
    }

    [Test]
    public void GridsRejectMalformedInput()
    {
        Assert.That(() => new ImageGrid([new byte[10]], ["x"]), Throws.ArgumentException.With.Message.Contains("expected 28×28"));
        Assert.That(() => new ImageGrid([new byte[784]], []), Throws.ArgumentException);
        Assert.That(() => new FilterGrid([[[1f, 2f], [3f]]]), Throws.ArgumentException.With.Message.Contains("filters[0]"));
    }

    private static CurveSeries S(params double[] mean) => mean;

    private static string[] Labels(Plot plot) => plot.GetPlottables<Text>().Select(t => t.LabelText).ToArray();
}
