using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>One curve over epochs: its mean over seeds, with a 95 % band (Low, High) where several seeds have the epoch.</summary>
public sealed record CurveSeries(double[] Mean, double[]? Low = null, double[]? High = null)
{
    public static implicit operator CurveSeries(double[] mean) => new(mean);
}

/// <summary>
/// Loss (with the learning rate on a right axis when it changes) and accuracy per epoch, train and validation, as two
/// panels side by side, each a mean over seeds with its 95 % band. Accuracy is in percent. Vertical dashed lines mark
/// the epochs whose weights were restored. Legends sit below the panels, outside the data.
/// </summary>
public sealed class TrainingCurves : IChartRecipe
{
    private readonly double[] epochs;
    private readonly CurveSeries trainLoss, valLoss, trainAccuracy, valAccuracy;
    private readonly double[]? learningRate;
    private readonly IReadOnlyList<int> restoredEpochs;

    /// <param name="learningRate">The rate per epoch; drawn only when it changes (a constant rate belongs in the caption).</param>
    /// <param name="restoredEpochs">The epochs whose weights were restored (one per seed; repeats are drawn once).</param>
    public TrainingCurves(double[] epochs, CurveSeries trainLoss, CurveSeries valLoss, CurveSeries trainAccuracy,
        CurveSeries valAccuracy, double[]? learningRate = null, IReadOnlyList<int>? restoredEpochs = null)
    {
        foreach (var (series, name) in new[] { (trainLoss, nameof(trainLoss)), (valLoss, nameof(valLoss)), (trainAccuracy, nameof(trainAccuracy)), (valAccuracy, nameof(valAccuracy)) })
        {
            ChartData.RequireLength(series.Mean, epochs.Length, name);
            if (series.Low is { } low) ChartData.RequireLength(low, epochs.Length, name + ".Low");
            if (series.High is { } high) ChartData.RequireLength(high, epochs.Length, name + ".High");
        }
        if (learningRate is not null) ChartData.RequireLength(learningRate, epochs.Length, nameof(learningRate));
        (this.epochs, this.trainLoss, this.valLoss, this.trainAccuracy, this.valAccuracy) = (epochs, trainLoss, valLoss, trainAccuracy, valAccuracy);
        this.learningRate = learningRate is not null && learningRate.Distinct().Count() > 1 ? learningRate : null;
        this.restoredEpochs = (restoredEpochs ?? []).Distinct().Order().ToList();
    }

    public Plot CreateLossPlot()
    {
        var plot = TwoSeries(trainLoss, valLoss, "loss");
        if (learningRate is not null)
        {
            var lr = plot.Add.ScatterLine(epochs, learningRate, Colors.Gray);
            lr.LinePattern = LinePattern.Dashed;
            lr.LegendText = "learning rate";
            lr.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "learning rate";
        }
        return plot;
    }

    public Plot CreateAccuracyPlot() => TwoSeries(trainAccuracy, valAccuracy, "accuracy (%)");

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        var gap = 12f;
        var half = (rect.Width - gap) / 2;
        using var loss = CreateLossPlot();
        using var accuracy = CreateAccuracyPlot();
        PlotRendering.Render(loss, canvas, new SKRect(rect.Left, rect.Top, rect.Left + half, rect.Bottom));
        PlotRendering.Render(accuracy, canvas, new SKRect(rect.Right - half, rect.Top, rect.Right, rect.Bottom));
    }

    private Plot TwoSeries(CurveSeries train, CurveSeries validation, string yLabel)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (series, name, color) in new[] { (train, "train", palette.GetColor(0)), (validation, "validation", palette.GetColor(1)) })
        {
            if (series.Low is { } low && series.High is { } high)
            {
                var band = plot.Add.FillY(epochs, low, high);
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var line = plot.Add.ScatterLine(epochs, series.Mean, color);
            line.LegendText = name;
            line.LineWidth = 1.5f;
        }
        foreach (var (epoch, i) in restoredEpochs.Select((e, i) => (e, i)))
        {
            var marker = plot.Add.VerticalLine(epoch, 1, Colors.Black.WithAlpha(0.45), LinePattern.Dotted);
            if (i == 0) marker.LegendText = "restored weights";
        }
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
