using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Loss (with the learning rate on a right axis) and accuracy per epoch, train and validation, as two panels side
/// by side. Accuracy is in percent.
/// </summary>
public sealed class TrainingCurves : IChartRecipe
{
    private readonly double[] epochs, trainLoss, valLoss, trainAccuracy, valAccuracy;
    private readonly double[]? learningRate;

    public TrainingCurves(double[] epochs, double[] trainLoss, double[] valLoss, double[] trainAccuracy,
        double[] valAccuracy, double[]? learningRate = null)
    {
        ChartData.RequireLength(trainLoss, epochs.Length, nameof(trainLoss));
        ChartData.RequireLength(valLoss, epochs.Length, nameof(valLoss));
        ChartData.RequireLength(trainAccuracy, epochs.Length, nameof(trainAccuracy));
        ChartData.RequireLength(valAccuracy, epochs.Length, nameof(valAccuracy));
        if (learningRate is not null) ChartData.RequireLength(learningRate, epochs.Length, nameof(learningRate));
        (this.epochs, this.trainLoss, this.valLoss, this.trainAccuracy, this.valAccuracy, this.learningRate) =
            (epochs, trainLoss, valLoss, trainAccuracy, valAccuracy, learningRate);
    }

    public Plot CreateLossPlot()
    {
        var plot = TwoSeries(trainLoss, valLoss, "loss", Alignment.UpperRight);
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

    public Plot CreateAccuracyPlot() => TwoSeries(trainAccuracy, valAccuracy, "accuracy (%)", Alignment.LowerRight);

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        var gap = 12f;
        var half = (rect.Width - gap) / 2;
        using var loss = CreateLossPlot();
        using var accuracy = CreateAccuracyPlot();
        PlotRendering.Render(loss, canvas, new SKRect(rect.Left, rect.Top, rect.Left + half, rect.Bottom));
        PlotRendering.Render(accuracy, canvas, new SKRect(rect.Right - half, rect.Top, rect.Right, rect.Bottom));
    }

    /// <param name="legend">A corner the curves usually leave free: top right for falling loss, bottom right for rising accuracy.</param>
    private Plot TwoSeries(double[] train, double[] validation, string yLabel, Alignment legend)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var trainLine = plot.Add.ScatterLine(epochs, train, palette.GetColor(0));
        trainLine.LegendText = "train";
        var valLine = plot.Add.ScatterLine(epochs, validation, palette.GetColor(1));
        valLine.LegendText = "validation";
        foreach (var line in new[] { trainLine, valLine }) line.LineWidth = 1.5f;
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(legend);
        return plot;
    }
}
