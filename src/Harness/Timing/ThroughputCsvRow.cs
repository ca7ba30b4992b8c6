using CsvHelper.Configuration.Attributes;
namespace FashionBench.Harness.Timing;

/// <summary>A row of throughput.csv; the one definition of its columns, for writing and reading.</summary>
public sealed record ThroughputCsvRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("engine")] public string Engine { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("batch_size")] public int BatchSize { get; init; }
    [Name("images_per_second")] public double ImagesPerSecond { get; init; }
    [Name("p50_ms")] public double P50Ms { get; init; }
    [Name("p95_ms")] public double P95Ms { get; init; }
    [Name("p99_ms"), Optional] public double? P99Ms { get; init; }
    [Name("threads")] public int Threads { get; init; }
    [Name("forward_mflops")] public double ForwardMflops { get; init; }
    [Name("peak_gflops"), Optional] public double? PeakGFlops { get; init; }
    [Name("settings"), Optional] public string Settings { get; init; } = "";
    [Name("weights"), Optional] public string Weights { get; init; } = Runs.TrainedModels.Trained;

    public static ThroughputCsvRow From(InferenceThroughputRecord r) => new()
    {
        Model = r.Model, Engine = r.Engine, Device = r.Device, BatchSize = r.BatchSize, ImagesPerSecond = r.ImagesPerSecond,
        P50Ms = r.P50Ms, P95Ms = r.P95Ms, P99Ms = r.P99Ms, Threads = r.Threads, ForwardMflops = r.ForwardMflops, PeakGFlops = r.PeakGFlops, Settings = r.Settings, Weights = r.Weights,
    };

    public InferenceThroughputRecord ToRecord() =>
        new(Model, Engine, Device, BatchSize, ImagesPerSecond, P50Ms, P95Ms, P99Ms, Threads, ForwardMflops, PeakGFlops, Settings, Weights);
}
