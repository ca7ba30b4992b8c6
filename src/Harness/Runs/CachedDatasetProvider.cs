using FashionBench.Harness.Data;
using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Acquires (verified) and loads each dataset once per process, then serves prefixes of it (the smoke profile's
/// limits) on the requested device, so a matrix of runs reads every file only once.
/// </summary>
public sealed class CachedDatasetProvider(DatasetAcquirer acquirer) : IDatasetProvider, IDisposable
{
    readonly Dictionary<string, (DatasetTensors Tensors, IReadOnlyList<DatasetChecksum> Checksums)> loaded = [];
    readonly Dictionary<(string, int?, int?, string), LoadedDataset> served = [];

    public LoadedDataset Load(string dataset, int? trainLimit, int? testLimit, Device device)
    {
        var key = (dataset, trainLimit, testLimit, device.ToString());
        if (served.TryGetValue(key, out var hit)) return hit;
        if (!loaded.TryGetValue(dataset, out var full))
        {
            var acquired = acquirer.Acquire(DatasetCatalog.Get(dataset));
            full = (DatasetTensors.Load(acquired),
                acquired.Files.Select(f => new DatasetChecksum(dataset, f.File.Name, f.GzSha256)).ToList());
            loaded[dataset] = full;
        }
        var (train, test) = (full.Tensors.Train, full.Tensors.Test);
        var info = full.Tensors.Info;
        var result = new LoadedDataset(dataset,
            Prefix(train.Images, trainLimit, device), Prefix(train.Labels, trainLimit, device),
            Prefix(test.Images, testLimit, device), Prefix(test.Labels, testLimit, device),
            info.ClassNames, info.Mean, info.Std, full.Checksums);
        served[key] = result;
        return result;
    }

    static Tensor Prefix(Tensor t, int? limit, Device device) =>
        (limit is { } n && n < t.shape[0] ? t.narrow(0, 0, n) : t.alias()).to(device).DetachFromDisposeScope();

    public void Dispose()
    {
        foreach (var d in served.Values)
            foreach (var t in new[] { d.TrainImages, d.TrainLabels, d.TestImages, d.TestLabels }) t.Dispose();
        foreach (var (tensors, _) in loaded.Values) tensors.Dispose();
    }
}
