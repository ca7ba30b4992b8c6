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
/// the epochs whose weights were restored. One legend row above both panels serves them, outside the data.
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

    /// <summary>The figure's height on a page: the legend row above the two panels.</summary>
    public const float Height = 140;

    public IReadOnlyList<LegendEntry> Legend
    {
        get
        {
            var palette = new ScottPlot.Palettes.Category10();
            var entries = new List<LegendEntry> { new("train", LegendSymbol.Line, palette.GetColor(0)), new("validation", LegendSymbol.Line, palette.GetColor(1)) };
            if (restoredEpochs.Count > 0) entries.Add(new("restored weights", LegendSymbol.DottedLine, RestoredColor));
            if (learningRate is not null) entries.Add(new("learning rate (right axis)", LegendSymbol.DashedLine, Colors.Gray));
            return entries;
        }
    }

    private static readonly Color RestoredColor = Colors.Black.WithAlpha(0.45);

    /// <summary>Where <see cref="Draw"/> puts the loss and the accuracy panel: side by side below the legend row.</summary>
    public (SKRect Loss, SKRect Accuracy) PanelRects(SKRect rect)
    {
        const float gap = 12f;
        var below = LegendRow.Below(rect);
        var half = (below.Width - gap) / 2;
        return (new SKRect(below.Left, below.Top, below.Left + half, below.Bottom), new SKRect(below.Right - half, below.Top, below.Right, below.Bottom));
    }

    public Plot CreateLossPlot()
    {
        var plot = TwoSeries(trainLoss, valLoss, "loss", (0, double.PositiveInfinity));
        if (learningRate is not null)
        {
            var lr = plot.Add.ScatterLine(epochs, learningRate, Colors.Gray);
            lr.LinePattern = LinePattern.Dashed;
            lr.Axes.YAxis = plot.Axes.Right;
            plot.Axes.Right.Label.Text = "learning rate";
        }
        return plot;
    }

    public Plot CreateAccuracyPlot() => TwoSeries(trainAccuracy, valAccuracy, "accuracy (%)", (0, 100));

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        LegendRow.Draw(canvas, rect, Legend);
        var (lossRect, accuracyRect) = PanelRects(rect);
        using var loss = CreateLossPlot();
        using var accuracy = CreateAccuracyPlot();
        PlotRendering.Render(loss, canvas, lossRect);
        PlotRendering.Render(accuracy, canvas, accuracyRect);
    }

    /// <param name="range">Where the quantity can lie: a band from few seeds (t = 12.7 at two) is cut there, not drawn past 100 %.</param>
    private Plot TwoSeries(CurveSeries train, CurveSeries validation, string yLabel, (double Min, double Max) range)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (series, name, color) in new[] { (train, "train", palette.GetColor(0)), (validation, "validation", palette.GetColor(1)) })
        {
            if (series.Low is { } low && series.High is { } high)
            {
                var band = plot.Add.FillY(epochs, [.. low.Select(v => Math.Max(v, range.Min))], [.. high.Select(v => Math.Min(v, range.Max))]);
                band.FillColor = color.WithAlpha(0.18);
                band.LineWidth = 0;
            }
            var line = plot.Add.ScatterLine(epochs, series.Mean, color);
            line.LegendText = name;   // names the series for tests; the chart's legend is the row above (Legend)
            line.LineWidth = 1.5f;
        }
        foreach (var epoch in restoredEpochs) plot.Add.VerticalLine(epoch, 1, RestoredColor, LinePattern.Dotted);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.HideLegend();   // the legend is a row above the figure
        return plot;
    }
}
