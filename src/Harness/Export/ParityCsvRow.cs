using CsvHelper.Configuration.Attributes;
namespace FashionBench.Harness.Export;

/// <summary>A row of parity.csv; the one definition of its columns, for writing and reading.</summary>
public sealed record ParityCsvRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("max_abs_diff")] public double MaxAbsDiff { get; init; }
    [Name("argmax_agreement")] public double ArgmaxAgreement { get; init; }
    [Name("onnx_bytes")] public long OnnxBytes { get; init; }
    [Name("weights"), Optional] public string Weights { get; init; } = Runs.TrainedModels.Trained;

    public static ParityCsvRow From(ParityResult r) => new()
    {
        Model = r.Model, MaxAbsDiff = r.MaxAbsDiff, ArgmaxAgreement = r.ArgmaxAgreement, OnnxBytes = r.OnnxBytes, Weights = r.Weights,
    };

    public ParityResult ToResult() => new(Model, MaxAbsDiff, ArgmaxAgreement, OnnxBytes, Weights);
}
