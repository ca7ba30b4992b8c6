using CsvHelper.Configuration.Attributes;

namespace FashionBench.Tests.Reports.Builder;

/// <summary>A row of verdicts.csv as a reader reads it: the verdict as text.</summary>
sealed record VerdictLine
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("claim")] public string Claim { get; init; } = "";
    [Name("verdict")] public string Verdict { get; init; } = "";
    [Name("probe_of")] public string ProbeOf { get; init; } = "";
}
