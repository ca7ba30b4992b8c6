using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Regression;

/// <summary>
/// A row of regression.csv: one metric of one run against its bar. Accuracy and macro F1 are fractions with a
/// minimum; epoch_seconds has a maximum (reference × bound). Empty measured/threshold where there is none.
/// </summary>
public sealed record RegressionRow
{
    public const string Accuracy = "test_accuracy";
    public const string MacroF1 = "macro_f1";
    public const string EpochSeconds = "epoch_seconds";
    /// <summary>The exact check: the run's predictions.csv against the reference run of the same configuration.</summary>
    public const string Predictions = "predictions";

    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long? Seed { get; init; }
    [Name("device")] public string Device { get; init; } = "";
    [Name("metric")] public string Metric { get; init; } = "";
    [Name("measured")] public double? Measured { get; init; }
    [Name("threshold")] public double? Threshold { get; init; }
    [Name("status")] public string Status { get; init; } = "";
    [Name("note")] public string Note { get; init; } = "";
    [Name("run_id")] public string RunId { get; init; } = "";
    /// <summary>The run's health (ok, diverged, collapsed); empty for a bar without a run.</summary>
    [Name("run_status"), Optional] public string RunStatus { get; init; } = "";
}
