using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Statistics;

/// <summary>
/// A row of mcnemar.csv: an ablation against its baseline on the same test images, same seed and device.
/// b = baseline right and ablation wrong, c = the reverse; p_value is McNemar's exact two-sided p.
/// </summary>
public sealed record McNemarRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("baseline")] public string Baseline { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("b")] public int B { get; init; }
    [Name("c")] public int C { get; init; }
    [Name("p_value")] public double PValue { get; init; }
    // Last, so the documented columns keep their positions; one results folder can hold runs of several devices.
    [Name("device")] public string Device { get; init; } = "";
}
