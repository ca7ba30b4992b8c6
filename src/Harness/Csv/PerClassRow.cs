using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Csv;

/// <summary>A row of per_class.csv (one run's file omits nothing; the aggregate adds run_id, model, seed).</summary>
public sealed record PerClassRow
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("class")] public int Class { get; init; }
    [Name("name")] public string Name { get; init; } = "";
    [Name("precision")] public double Precision { get; init; }
    [Name("recall")] public double Recall { get; init; }
    [Name("f1")] public double F1 { get; init; }
    [Name("support")] public int Support { get; init; }
}
