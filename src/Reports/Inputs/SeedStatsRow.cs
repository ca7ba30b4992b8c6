using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Inputs;

/// <summary>A row of seed_stats.csv (written by the statistics step when a profile has several seeds per model); fractions.</summary>
public sealed record SeedStatsRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("n")] public int Seeds { get; init; }
    [Name("accuracy_mean")] public double AccuracyMean { get; init; }
    [Name("accuracy_std")] public double AccuracyStd { get; init; }
    [Name("accuracy_ci_low")] public double AccuracyCiLow { get; init; }
    [Name("accuracy_ci_high")] public double AccuracyCiHigh { get; init; }
    [Name("macro_f1_mean")] public double MacroF1Mean { get; init; }
    [Name("macro_f1_std")] public double MacroF1Std { get; init; }
    [Name("macro_f1_ci_low")] public double MacroF1CiLow { get; init; }
    [Name("macro_f1_ci_high")] public double MacroF1CiHigh { get; init; }
}
