using static TorchSharp.torch;

namespace FashionBench.Harness.Timing;

/// <summary>
/// How bench-train measures: <paramref name="WarmupBatches"/> untimed batches, then <paramref name="Repetitions"/>
/// timed slices of <paramref name="Batches"/> batches each (continuing through the epoch's shuffle, into the next epoch
/// when one ends); evaluation is timed the same number of times over <paramref name="EvalImages"/> validation images.
/// <paramref name="StartAt"/>: wait until then after loading, so that measurements in several processes overlap.
/// </summary>
public sealed record TrainThroughputOptions(
    Device Device,
    int Threads,
    int Batches = 20,
    int Repetitions = 5,
    int WarmupBatches = 10,
    int EvalImages = 2000,
    long Seed = 1,
    DateTimeOffset? StartAt = null);
