using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Tables;

/// <summary>
/// A row of throughput_peak.csv: a throughput.csv measurement with the FLOP rate it implies and its share of the
/// CPU's FP32 peak: the peak `bench` measured beside it, or for older rows the nominal one from /proc/cpuinfo
/// (<see cref="PeakMethod"/>); null on GPUs, or where neither is known.
/// </summary>
public sealed record ThroughputPeakRow
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("engine")] public string Engine { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("batch_size")] public int BatchSize { get; init; }
    [Name("images_per_second")] public double ImagesPerSecond { get; init; }
    [Name("p50_ms")] public double P50Ms { get; init; }
    [Name("p95_ms")] public double P95Ms { get; init; }
    /// <summary>Null for rows timed before the p99 was recorded.</summary>
    [Name("p99_ms")] public double? P99Ms { get; init; }
    [Name("threads")] public int Threads { get; init; }
    [Name("forward_mflops")] public double ForwardMflops { get; init; }
    /// <summary>images/s × forward FLOPs per image / 10⁹.</summary>
    [Name("gflops_per_second")] public double GflopsPerSecond { get; init; }
    [Name("peak_gflops")] public double? PeakGflops { get; init; }
    [Name("percent_of_peak")] public double? PercentOfPeak { get; init; }
    /// <summary>"measured" (FMA chains when the row was timed) or "nominal" (cores × width × clock from /proc/cpuinfo).</summary>
    [Name("peak_method")] public string PeakMethod { get; init; } = "";
    /// <summary>"trained", or the initial weights of a run kept without its own (speed does not depend on the values).</summary>
    [Name("weights")] public string Weights { get; init; } = Harness.Runs.TrainedModels.Trained;
}
