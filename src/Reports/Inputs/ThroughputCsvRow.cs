using CsvHelper.Configuration.Attributes;
using FashionBench.Harness.Timing;

namespace FashionBench.Reports.Inputs;

/// <summary>A row of throughput.csv as <see cref="InferenceThroughputCsv"/> writes it.</summary>
public sealed record ThroughputCsvRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("engine")] public string Engine { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("batch_size")] public int BatchSize { get; init; }
    [Name("images_per_second")] public double ImagesPerSecond { get; init; }
    [Name("p50_ms")] public double P50Ms { get; init; }
    [Name("p95_ms")] public double P95Ms { get; init; }
    [Name("threads")] public int Threads { get; init; }
    [Name("forward_mflops")] public double ForwardMflops { get; init; }

    public InferenceThroughputRecord ToRecord() =>
        new(Model, Engine, Device, BatchSize, ImagesPerSecond, P50Ms, P95Ms, Threads, ForwardMflops);
}
