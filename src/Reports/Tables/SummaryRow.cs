using CsvHelper.Configuration.Attributes;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports.Tables;

/// <summary>
/// A row of report_summary.csv, the report's run summary: what runs.csv holds plus the accuracy verdict, times to
/// target and the reference comparison. Fractions, seconds; deltas in percentage points; null where not applicable.
/// </summary>
public sealed record SummaryRow
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("device")] public string Device { get; init; } = "";
    [Name("epochs_run")] public int EpochsRun { get; init; }
    [Name("epochs_documented")] public int? EpochsDocumented { get; init; }
    [Name("params")] public long Params { get; init; }
    [Name("documented_params")] public string DocumentedParams { get; init; } = "";
    [Name("test_accuracy")] public double TestAccuracy { get; init; }
    [Name("documented_accuracy")] public double? DocumentedAccuracy { get; init; }
    [Name("delta_pp")] public double? DeltaPp { get; init; }
    [Name("accuracy_verdict")] public string AccuracyVerdict { get; init; } = "";
    [Ignore] public Verdict Verdict { get; init; }
    [Name("macro_f1")] public double MacroF1 { get; init; }
    [Name("documented_f1")] public double? DocumentedF1 { get; init; }
    [Name("f1_delta_pp")] public double? F1DeltaPp { get; init; }
    [Name("epoch_seconds_median")] public double EpochSecondsMedian { get; init; }
    [Name("train_seconds")] public double TrainSeconds { get; init; }
    [Name("seconds_to_90")] public double? SecondsTo90 { get; init; }
    [Name("seconds_to_documented")] public double? SecondsToDocumented { get; init; }
    /// <summary>The model an ablation varies, and this run's test accuracy minus that model's run with the same seed and device.</summary>
    [Name("baseline")] public string Baseline { get; init; } = "";
    [Name("vs_baseline_pp")] public double? VsBaselinePp { get; init; }
    /// <summary>The baseline run's health ("ok", "diverged", "collapsed"); no difference is taken from a failed baseline.</summary>
    [Name("baseline_status")] public string BaselineStatus { get; init; } = "";
    [Name("reference_accuracy_mean")] public double? ReferenceAccuracyMean { get; init; }
    [Name("vs_reference_pp")] public double? VsReferencePp { get; init; }
    /// <summary>The run's health: ok, diverged or collapsed (RunHealth), and why when not ok.</summary>
    [Name("status")] public string Status { get; init; } = "ok";
    [Name("status_reason")] public string StatusReason { get; init; } = "";
}
