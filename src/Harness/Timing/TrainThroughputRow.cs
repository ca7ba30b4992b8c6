using CsvHelper.Configuration.Attributes;
using FashionBench.Harness.Machine;

namespace FashionBench.Harness.Timing;

/// <summary>
/// A row of results/perf/train_throughput.csv: one engine × model × thread count × git commit × concurrent processes ×
/// CPU kernels (the key; a new measurement replaces the row with the same key). Rates are medians over the repetitions; GFLOP/s
/// and the peak are FP32. Column names and order are stable (new columns are appended, and optional when read).
/// </summary>
public sealed record TrainThroughputRow
{
    [Name("engine")] public string Engine { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("threads")] public int Threads { get; init; }
    [Name("git_commit")] public string GitCommit { get; init; } = "";
    [Name("git_dirty")] public bool GitDirty { get; init; }
    [Name("engine_version")] public string EngineVersion { get; init; } = "";
    [Name("batch_size")] public int BatchSize { get; init; }
    [Name("batches")] public int Batches { get; init; }
    [Name("warmup_batches")] public int WarmupBatches { get; init; }
    [Name("repetitions")] public int Repetitions { get; init; }
    [Name("images_per_s")] public double ImagesPerSecond { get; init; }
    [Name("images_per_s_min")] public double ImagesPerSecondMin { get; init; }
    [Name("images_per_s_max")] public double ImagesPerSecondMax { get; init; }
    [Name("cpu_ms_per_image")] public double CpuMillisecondsPerImage { get; init; }
    [Name("eval_images_per_s")] public double EvalImagesPerSecond { get; init; }
    [Name("train_mflop_per_image")] public double TrainMflopPerImage { get; init; }
    [Name("achieved_gflops")] public double AchievedGFlops { get; init; }
    /// <summary>The FP32 peak measured at these threads before the timing (<see cref="FmaPeak"/>); percent_of_peak is of it.</summary>
    [Name("peak_gflops")] public double? PeakGFlops { get; init; }
    [Name("percent_of_peak")] public double? PercentOfPeak { get; init; }
    [Name("peak_rss_mb")] public double PeakRssMb { get; init; }
    [Name("train_loss")] public double TrainLoss { get; init; }
    [Name("load_average")] public double? LoadAverage { get; init; }
    [Name("cpu")] public string Cpu { get; init; } = "";
    [Name("measured_utc")] public string MeasuredUtc { get; init; } = "";

    /// <summary>How many identical measurements ran at once, each in its own process (`plan --jobs`); 1 = alone.</summary>
    [Name("concurrent"), Optional] public int Concurrent { get; init; } = 1;

    /// <summary>"native", or the instruction-set pin the measurement ran under (<see cref="Provenance.CpuKernels"/>).</summary>
    [Name("cpu_kernels"), Optional] public string CpuKernels { get; init; } = KernelIsa.Native;

    /// <summary>The nominal peak from /proc/cpuinfo (cores × width × "cpu MHz"), beside the measured one.</summary>
    [Name("nominal_peak_gflops"), Optional] public double? NominalPeakGFlops { get; init; }

    /// <summary>The key a later measurement replaces this row by.</summary>
    public (string, string, int, string, int, string) Key => (Engine, Model, Threads, GitCommit, Concurrent, CpuKernels);

    /// <param name="peak">The peak measured at the same threads (<see cref="FmaPeak"/>).</param>
    /// <param name="nominal">The peak from /proc/cpuinfo; null when unknown.</param>
    public static TrainThroughputRow From(TrainThroughput t, FmaPeak peak, CpuPeak? nominal, double? loadAverage, Provenance provenance) => new()
    {
        Engine = t.Engine, Model = t.Model, Threads = t.Threads, GitCommit = provenance.GitCommit, GitDirty = provenance.GitDirty,
        EngineVersion = t.EngineVersion, BatchSize = t.BatchSize, Batches = t.Batches, WarmupBatches = t.WarmupBatches,
        Repetitions = t.Repetitions, ImagesPerSecond = Math.Round(t.ImagesPerSecond, 2),
        ImagesPerSecondMin = Math.Round(t.ImagesPerSecondRuns.Min(), 2), ImagesPerSecondMax = Math.Round(t.ImagesPerSecondRuns.Max(), 2),
        CpuMillisecondsPerImage = Math.Round(t.CpuMillisecondsPerImage, 4), EvalImagesPerSecond = Math.Round(t.EvalImagesPerSecond, 2), TrainMflopPerImage = Math.Round(t.TrainFlopsPerImage / 1e6, 4),
        AchievedGFlops = Math.Round(t.AchievedGFlops, 3), PeakGFlops = Math.Round(peak.GFlops, 3),
        PercentOfPeak = PercentOf(t.AchievedGFlops, peak.GFlops), NominalPeakGFlops = nominal is null ? null : Math.Round(nominal.GFlops, 3),
        PeakRssMb = Math.Round(t.PeakRssMb, 1), TrainLoss = t.TrainLoss, LoadAverage = loadAverage, Cpu = provenance.Cpu,
        CpuKernels = provenance.CpuKernels ?? KernelIsa.Native,
        MeasuredUtc = provenance.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// One model measured by several processes at once (`plan --jobs`): the first row with the median training and
    /// evaluation rates and CPU time of all, their overall min and max, and GFLOP/s following the median rate.
    /// </summary>
    public static TrainThroughputRow Concurrently(IReadOnlyList<TrainThroughputRow> rows)
    {
        var rate = Statistics.Median.Of(rows.Select(r => r.ImagesPerSecond));
        var gflops = rate * rows[0].TrainMflopPerImage / 1e3;
        return rows[0] with
        {
            ImagesPerSecond = rate,
            ImagesPerSecondMin = rows.Min(r => r.ImagesPerSecondMin),
            ImagesPerSecondMax = rows.Max(r => r.ImagesPerSecondMax),
            CpuMillisecondsPerImage = Statistics.Median.Of(rows.Select(r => r.CpuMillisecondsPerImage)),
            EvalImagesPerSecond = Statistics.Median.Of(rows.Select(r => r.EvalImagesPerSecond)),
            AchievedGFlops = Math.Round(gflops, 3),
            PercentOfPeak = PercentOf(gflops, rows[0].PeakGFlops),
            Concurrent = rows.Count,
        };
    }

    static double? PercentOf(double gflops, double? peakGFlops) => peakGFlops is { } peak ? Math.Round(100 * gflops / peak, 2) : null;
}
