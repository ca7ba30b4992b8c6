using FashionBench.Harness.Data;
using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Acquires (verified) and reads each dataset once per process, then serves prefixes of it (a profile's limits) on the
/// requested device, so a matrix of runs reads every file only once.
/// </summary>
public sealed class CachedDatasetProvider(DatasetAcquirer acquirer) : IDatasetProvider, IDisposable
{
    readonly Dictionary<string, LoadedDataset> read = [];
    readonly Dictionary<(string, int?, int?, string), LoadedDataset> served = [];

    public LoadedDataset Load(string dataset, int? trainLimit, int? testLimit, Device device)
    {
        var key = (dataset, trainLimit, testLimit, device.ToString());
        if (served.TryGetValue(key, out var hit)) return hit;
        if (!read.TryGetValue(dataset, out var full))
            read[dataset] = full = LoadedDataset.Read(acquirer.Acquire(DatasetCatalog.Get(dataset)));
        return served[key] = full.Prefix(trainLimit, testLimit, device);
    }

    public void Dispose()
    {
        foreach (var d in served.Values.Concat(read.Values)) d.Dispose();
    }
}
