using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Comparison;

/// <summary>
/// A row of compare.csv: one model of two results folders (base, then the one compared with it), diff − base, over
/// the seeds on both sides when there are such (n and base_n count every seed).
/// Accuracies and F1 as fractions; intervals are 95 %; b counts test images only the compared run got right, c only
/// the base; ratios are compared ÷ base (epoch time: below 1 is faster; throughput: above 1 is faster).
/// </summary>
public sealed record CompareRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("base")] public string Base { get; init; } = "";
    [Name("base_device")] public string BaseDevice { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("base_n")] public int BaseN { get; init; }
    [Name("n")] public int N { get; init; }
    /// <summary>Seeds present on both sides, compared pair by pair on the same test images; 0 when none match.</summary>
    [Name("paired_seeds")] public int PairedSeeds { get; init; }
    [Name("base_accuracy")] public double BaseAccuracy { get; init; }
    [Name("accuracy")] public double Accuracy { get; init; }
    [Name("delta_accuracy")] public double DeltaAccuracy { get; init; }
    [Name("delta_accuracy_ci_low")] public double DeltaAccuracyLow { get; init; }
    [Name("delta_accuracy_ci_high")] public double DeltaAccuracyHigh { get; init; }
    [Name("delta_macro_f1")] public double DeltaMacroF1 { get; init; }
    [Name("delta_macro_f1_ci_low")] public double DeltaMacroF1Low { get; init; }
    [Name("delta_macro_f1_ci_high")] public double DeltaMacroF1High { get; init; }
    [Name("b")] public int? OnlyDiffRight { get; init; }
    [Name("c")] public int? OnlyBaseRight { get; init; }
    [Name("mcnemar_p")] public double? McNemarP { get; init; }
    [Name("epoch_time_ratio")] public double? EpochTimeRatio { get; init; }
    [Name("throughput_ratio")] public double? ThroughputRatio { get; init; }
    [Name("verdict")] public string Verdict { get; init; } = "";
    [Name("note")] public string Note { get; init; } = "";
}
