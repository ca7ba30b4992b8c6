using FashionBench.Harness.Data;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;
using FashionBench.Models;

namespace FashionBench.Harness.Timing;

/// <summary>
/// Measures models on their real datasets, split as a run splits them (the recipe's validation hold-out): acquires and
/// loads each dataset once (<see cref="CachedDatasetProvider"/>), then times the trainer and, on request, the plain TorchSharp loop and the PyTorch peer.
/// </summary>
public sealed class TrainThroughputBench(string repoRoot, DatasetAcquirer acquirer) : IDisposable
{
    readonly CachedDatasetProvider provider = new(acquirer);
    readonly Dictionary<(string, double), TrainingData> splits = [];

    public TrainThroughput Measure(ModelSpec spec, TrainThroughputOptions options) =>
        TrainThroughputMeter.Measure(spec, Split(spec, options), options);

    /// <summary>The plain TorchSharp loop on the same split (measure it before <see cref="Measure"/>: see <see cref="PlainTorchSharpPeer"/>).</summary>
    public TrainThroughput MeasurePlain(ModelSpec spec, TrainThroughputOptions options) =>
        PlainTorchSharpPeer.Measure(spec, Split(spec, options), options);

    /// <summary>The peer on the same dataset files (read by the script itself), or why it was skipped.</summary>
    public (TrainThroughput? Result, string? Skipped) MeasurePeer(ModelSpec spec, TrainThroughputOptions options)
    {
        var info = DatasetCatalog.Get(spec.Dataset);
        var files = acquirer.Acquire(info);
        var folder = Path.GetDirectoryName(files.PathOf(DatasetInfo.TrainImages))!;
        return TrainThroughputPeer.Measure(repoRoot, spec, folder, info.Mean, info.Std, options);
    }

    TrainingData Split(ModelSpec spec, TrainThroughputOptions options)
    {
        var key = (spec.Dataset, spec.Recipe.ValidationFraction);
        if (splits.TryGetValue(key, out var split)) return split;
        var d = provider.Load(spec.Dataset, null, null, options.Device);
        split = TrainingData.Split(d.TrainImages, d.TrainLabels, d.TestImages, d.TestLabels,
            spec.Recipe.ValidationFraction, d.ClassNames, d.Mean, d.Std);
        foreach (var t in new[] { split.TrainImages, split.TrainLabels, split.ValidationImages, split.ValidationLabels })
            t.DetachFromDisposeScope();
        return splits[key] = split;
    }

    public void Dispose()
    {
        // A split without hold-out shares the provider's tensors, which the provider disposes.
        foreach (var split in splits.Values.Where(s => !s.ValidatesOnTest))
            foreach (var t in new[] { split.TrainImages, split.TrainLabels, split.ValidationImages, split.ValidationLabels })
                t.Dispose();
        provider.Dispose();
    }
}
