using CsvHelper.Configuration.Attributes;
using FashionBench.Harness.Export;

namespace FashionBench.Reports.Inputs;

/// <summary>A row of parity.csv as <see cref="ParityCsv"/> writes it.</summary>
public sealed record ParityCsvRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("max_abs_diff")] public double MaxAbsDiff { get; init; }
    [Name("argmax_agreement")] public double ArgmaxAgreement { get; init; }
    [Name("onnx_bytes")] public long OnnxBytes { get; init; }

    public ParityResult ToResult() => new(Model, MaxAbsDiff, ArgmaxAgreement, OnnxBytes);
}
