using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Inputs;

/// <summary>
/// A row of mcnemar.csv: an ablation against its baseline on the same test images and seed; b and c are the two
/// discordant counts (images exactly one of the two models classified correctly), p from McNemar's test.
/// </summary>
public sealed record McNemarRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("baseline")] public string Baseline { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("b")] public int B { get; init; }
    [Name("c")] public int C { get; init; }
    [Name("p_value")] public double PValue { get; init; }
}
