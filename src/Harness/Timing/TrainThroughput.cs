namespace FashionBench.Harness.Timing;

/// <summary>
/// One training-throughput measurement of one engine: images/s of each timed repetition (after warm-up), evaluation
/// images/s, and what the run cost. <see cref="TrainFlopsPerImage"/> is 3 × the spec's forward FLOPs (forward plus
/// the two backward products).
/// </summary>
/// <param name="Engine">"torchsharp" (this project's trainer) or a peer, e.g. "pytorch".</param>
/// <param name="EngineVersion">TorchSharp/libtorch or the peer's library version.</param>
/// <param name="CpuMillisecondsPerImageRuns">Process CPU time (all threads, user + system) per training image of each
/// repetition: unlike images/s it barely moves when other processes compete for the cores, so it is the figure to
/// compare optimisations by on a shared machine (with idle threads spin-waiting it can exceed wall time × 1).</param>
/// <param name="TrainLoss">Mean training loss over every batch run, warm-up included: a fingerprint of the numerics
/// (equal before and after an optimisation that computes the same thing).</param>
public sealed record TrainThroughput(
    string Engine,
    string EngineVersion,
    string Model,
    int Threads,
    int BatchSize,
    int Batches,
    int WarmupBatches,
    IReadOnlyList<double> ImagesPerSecondRuns,
    IReadOnlyList<double> EvalImagesPerSecondRuns,
    IReadOnlyList<double> CpuMillisecondsPerImageRuns,
    double TrainFlopsPerImage,
    double PeakRssMb,
    double TrainLoss)
{
    public int Repetitions => ImagesPerSecondRuns.Count;
    public double ImagesPerSecond => Median(ImagesPerSecondRuns);
    public double EvalImagesPerSecond => Median(EvalImagesPerSecondRuns);
    public double CpuMillisecondsPerImage => Median(CpuMillisecondsPerImageRuns);
    public double AchievedGFlops => ImagesPerSecond * TrainFlopsPerImage / 1e9;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
