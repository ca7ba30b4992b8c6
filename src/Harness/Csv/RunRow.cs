using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Csv;

/// <summary>A row of &lt;results&gt;/&lt;profile&gt;/runs.csv. Column names and order are stable.</summary>
public sealed record RunRow
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("dataset")] public string Dataset { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("epochs_run")] public int EpochsRun { get; init; }
    [Name("params")] public long Params { get; init; }
    [Name("test_accuracy")] public double TestAccuracy { get; init; }
    [Name("macro_f1")] public double MacroF1 { get; init; }
    [Name("weighted_f1")] public double WeightedF1 { get; init; }
    [Name("test_loss")] public double TestLoss { get; init; }
    [Name("documented_accuracy")] public double? DocumentedAccuracy { get; init; }
    [Name("documented_f1")] public double? DocumentedF1 { get; init; }
    [Name("delta_pp")] public double? DeltaPp { get; init; }
    [Name("epoch_seconds_median")] public double EpochSecondsMedian { get; init; }
    [Name("train_seconds")] public double TrainSeconds { get; init; }
    [Name("peak_rss_mb")] public double PeakRssMb { get; init; }
    [Name("config_hash")] public string ConfigHash { get; init; } = "";
    /// <summary>ok, diverged or collapsed (RunHealth); absent from tables written before it was recorded: "ok".</summary>
    [Name("status"), Optional] public string Status { get; init; } = "ok";
}
