using System.Globalization;
using FashionBench.Reports.Charts;
using NUnit.Framework;
using ScottPlot;
using ScottPlot.Plottables;

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

    /// <summary>The legend of every chart sits in a panel outside the data area, never over the data.</summary>
    [Test]
    public void EveryLegendIsOutsideTheData()
    {
        double[] epochs = [1, 2, 3];
        var curves = new TrainingCurves(epochs, S(1, 0.8, 0.7), S(1.1, 0.9, 0.85), S(60, 70, 75), S(58, 66, 70), [0.1, 0.05, 0.01], [2]);
        Plot[] plots =
        [
            curves.CreateLossPlot(), curves.CreateAccuracyPlot(),
            new BarComparison(["m1"], [91.0], [90.5], "accuracy (%)").CreatePlot(),
            new ThroughputBars(["TorchSharp", "ONNX Runtime"], [1, 64], new double[,] { { 100, 200 }, { 300, 400 } }).CreatePlot(),
            new LatencyBars(["m1", "m2"], ["TorchSharp", "ONNX Runtime"], new double[,] { { 1, 2 }, { 0.5, 1 } }, new double[,] { { 1.5, 3 }, { 0.6, 1.2 } }).CreatePlot(),
        ];
        foreach (var plot in plots)
        {
            Assert.That(plot.Legend.IsVisible, Is.False, "no legend inside the data area");
            Assert.That(plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>(), Has.Exactly(1).Items, "one legend panel on an edge");
        }
        // Charts drawn under one shared legend (the inference section's small multiples) take none of their own, inside
        // or out: a panel would squeeze a third-width chart's data area to nothing.
        var shared = new ThroughputBars(["TorchSharp", "ONNX Runtime"], [1, 64], new double[,] { { 100, 200 }, { 300, 400 } }).CreatePlot(legend: false);
        Assert.That((shared.Legend.IsVisible, shared.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().Count()), Is.EqualTo((false, 0)));
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
        Assert.That(accuracy.GetPlottables<ScottPlot.Plottables.VerticalLine>().Select(l => l.X), Is.EqualTo(new[] { 2.0, 3.0 }));
    }

    [Test]
    public void TrainingCurvesPutTheLearningRateOnTheRightAxis()
    {
        double[] epochs = [1, 2, 3];
        var curves = new TrainingCurves(epochs, S(1, 0.8, 0.7), S(1.1, 0.9, 0.85), S(60, 70, 75), S(58, 66, 70), [0.1, 0.05, 0.01]);
        var loss = curves.CreateLossPlot();
        var lr = loss.GetPlottables<Scatter>().Single(s => s.LegendText == "learning rate");
        Assert.That(lr.Axes.YAxis, Is.SameAs(loss.Axes.Right));
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
