using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Tables;

/// <summary>A row of misclassified.csv: a test image the grid shows, the most confident mistakes first per run.</summary>
public sealed record MisclassifiedRow
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("index")] public int Index { get; init; }
    [Name("true_class")] public string TrueClass { get; init; } = "";
    [Name("predicted_class")] public string PredictedClass { get; init; } = "";
    /// <summary>Softmax probability of the predicted class.</summary>
    [Name("confidence")] public double Confidence { get; init; }
}
