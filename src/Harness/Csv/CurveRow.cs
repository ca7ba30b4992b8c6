using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Csv;

/// <summary>A row of curves.csv: one epoch of one run.</summary>
public sealed record CurveRow
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("epoch")] public int Epoch { get; init; }
    [Name("train_loss")] public double TrainLoss { get; init; }
    [Name("train_accuracy")] public double TrainAccuracy { get; init; }
    [Name("val_loss")] public double ValidationLoss { get; init; }
    [Name("val_accuracy")] public double ValidationAccuracy { get; init; }
    [Name("lr")] public double LearningRate { get; init; }
    [Name("train_seconds")] public double TrainSeconds { get; init; }
    [Name("eval_seconds")] public double EvalSeconds { get; init; }
}
