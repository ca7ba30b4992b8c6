using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Tables;

/// <summary>A row of confused_pairs.csv: test images of one true class predicted as another, most frequent first per run.</summary>
public sealed record ConfusedPairRow
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("rank")] public int Rank { get; init; }
    [Name("true_class")] public string TrueClass { get; init; } = "";
    [Name("predicted_class")] public string PredictedClass { get; init; } = "";
    [Name("count")] public int Count { get; init; }
    /// <summary>Count over the true class's test images.</summary>
    [Name("fraction_of_true")] public double FractionOfTrue { get; init; }
}
