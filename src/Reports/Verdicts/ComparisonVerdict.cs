using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Verdicts;

/// <summary>
/// A write-up's comparative finding judged on one device's seed-matched runs: a row of comparisons.csv. Differences
/// are higher − lower, as fractions for accuracies (a count for parameters); the interval is the 95 %
/// <see cref="Harness.Statistics.CombinedInterval"/> of the mean paired difference; b and c are the discordant test
/// images pooled over seeds (only the higher model right, only the lower), and mcnemar_p their exact stratified p.
/// </summary>
public sealed record ComparisonVerdict
{
    [Name("write_up")] public string WriteUp { get; init; } = "";
    [Name("finding")] public string Finding { get; init; } = "";
    [Name("higher")] public string Higher { get; init; } = "";
    [Name("lower")] public string Lower { get; init; } = "";
    [Name("measure")] public string Measure { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("documented_difference")] public double? DocumentedDifference { get; init; }
    [Name("n")] public int N { get; init; }
    [Name("seeds")] public string Seeds { get; init; } = "";
    [Name("mean_difference")] public double? MeanDifference { get; init; }
    [Name("seed_sd")] public double? SeedSd { get; init; }
    [Name("sampling_sd")] public double? SamplingSd { get; init; }
    [Name("df")] public double? Df { get; init; }
    [Name("t")] public double? T { get; init; }
    [Name("ci_low")] public double? CiLow { get; init; }
    [Name("ci_high")] public double? CiHigh { get; init; }
    [Name("b")] public int? OnlyHigherRight { get; init; }
    [Name("c")] public int? OnlyLowerRight { get; init; }
    [Name("mcnemar_p")] public double? McNemarP { get; init; }
    [Name("verdict")] public string VerdictText => ClaimVerdict.Text(Verdict, Reason);
    [Name("note")] public string Note { get; init; } = "";

    [Ignore] public Verdict Verdict { get; init; }
    [Ignore] public string Reason { get; init; } = "";
    /// <summary>Whether the measure is an accuracy (shown in percentage points) rather than a count.</summary>
    [Ignore] public bool IsAccuracy { get; init; } = true;
}
