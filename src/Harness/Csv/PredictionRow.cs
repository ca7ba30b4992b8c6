using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Csv;

/// <summary>A row of a run's predictions.csv: one test image (paired tests and the misclassified grid read these).</summary>
public sealed record PredictionRow
{
    [Name("index")] public int Index { get; init; }
    [Name("label")] public int Label { get; init; }
    [Name("prediction")] public int Prediction { get; init; }
    [Name("confidence")] public float Confidence { get; init; }
}
