using System.Text.Json.Serialization;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Training;

namespace FashionBench.Harness.Runs;

/// <summary>
/// One run's measured results (metrics.json). Fractions, not percentages; seconds; megabytes. A run that diverged
/// or collapsed is recorded too, with <see cref="Health"/> saying so (null in files written before it was recorded:
/// those runs trained to the end); its figures may then be NaN, written as "NaN" in JSON and CSV.
/// <see cref="Environment"/> repeats the identity's thread count, CPU kernels and convolutions (null for CUDA runs
/// and older files), so which configuration a run had can be judged from its metrics alone.
/// </summary>
public sealed record RunMetrics(
    string RunId,
    string Model,
    string Dataset,
    string Device,
    long Seed,
    string Profile,
    string ConfigHash,
    int Threads,
    int EpochsPlanned,
    int EpochsRun,
    bool StoppedEarly,
    int BestEpoch,
    long Parameters,
    long ForwardFlops,
    double TestAccuracy,
    double TestLoss,
    double MacroF1,
    double WeightedF1,
    double BestValidationAccuracy,
    int BestValidationAccuracyEpoch,
    bool ValidatesOnTest,
    double EpochSecondsMedian,
    double TrainSeconds,
    double TrainImagesPerSecond,
    double PeakRssMb,
    double? SecondsTo90,
    double? SecondsToDocumented,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] Confusion,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<DatasetChecksum> DatasetChecksums,
    Provenance Provenance,
    RunHealth? Health = null,
    RunEnvironment? Environment = null)
{
    /// <summary>
    /// The recorded health; for a file written before it was recorded, what its confusion matrix shows (a run that
    /// predicts one class is collapsed; whether it went non-finite was not recorded then).
    /// </summary>
    [JsonIgnore] public RunHealth Judged => Health ?? RunHealth.Assess(RunHealth.Ok, [],
        Enumerable.Range(0, Confusion.Length).Where(p => Confusion.Any(row => row[p] > 0)).Select(p => (long)p).ToHashSet());

    /// <summary>"ok", "diverged" or "collapsed".</summary>
    [JsonIgnore] public string Status => Judged.Label;
}

/// <summary>A dataset file a run used, with the SHA-256 it was verified against.</summary>
public sealed record DatasetChecksum(string Dataset, string File, string Sha256);
