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
    public void BarComparisonHasOneBarPerKnownValueStartingAtTheBaseline()
    {
        var plot = new BarComparison(["m1", "m2"], [91.0, double.NaN], [90.5, 92.0], "accuracy (%)", baseline: 85).CreatePlot();
        var bars = plot.GetPlottables<BarPlot>().Select(p => p.Bars.Select(b => (b.Value, b.ValueBase, b.Label)).ToArray()).ToArray();
        Assert.That(bars[0], Is.EqualTo(new[] { (91.0, 85.0, "91.00") }), "documented");
        Assert.That(bars[1], Is.EqualTo(new[] { (90.5, 85.0, "90.50"), (92.0, 85.0, "92.00") }), "measured");
    }

    [Test]
    public void TrainingCurvesPutTheLearningRateOnTheRightAxis()
    {
        double[] epochs = [1, 2, 3];
        var curves = new TrainingCurves(epochs, [1, 0.8, 0.7], [1.1, 0.9, 0.85], [60, 70, 75], [58, 66, 70], [0.1, 0.05, 0.01]);
        var loss = curves.CreateLossPlot();
        var lr = loss.GetPlottables<Scatter>().Single(s => s.LegendText == "learning rate");
        Assert.That(lr.Axes.YAxis, Is.SameAs(loss.Axes.Right));
        Assert.That(curves.CreateAccuracyPlot().GetPlottables<Scatter>().Select(s => s.LegendText), Is.EqualTo(new[] { "train", "validation" }));
        Assert.That(() => new TrainingCurves(epochs, [1, 2], [1, 2, 3], [1, 2, 3], [1, 2, 3]), Throws.ArgumentException.With.Message.Contains("trainLoss"));
    }

    [Test]
    public void GridsRejectMalformedInput()
    {
        Assert.That(() => new ImageGrid([new byte[10]], ["x"]), Throws.ArgumentException.With.Message.Contains("expected 28×28"));
        Assert.That(() => new ImageGrid([new byte[784]], []), Throws.ArgumentException);
        Assert.That(() => new FilterGrid([[[1f, 2f], [3f]]]), Throws.ArgumentException.With.Message.Contains("filters[0]"));
    }

    private static string[] Labels(Plot plot) => plot.GetPlottables<Text>().Select(t => t.LabelText).ToArray();
}
