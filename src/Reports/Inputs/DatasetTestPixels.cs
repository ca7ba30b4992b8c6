using FashionBench.Harness.Data;

namespace FashionBench.Reports.Inputs;

/// <summary>Test images from the verified dataset cache (acquired into it first when missing), read once per dataset.</summary>
public sealed class DatasetTestPixels(DatasetAcquirer acquirer) : ITestPixelSource
{
    private readonly Dictionary<string, byte[]> loaded = [];

    public byte[] TestPixels(string dataset)
    {
        if (loaded.TryGetValue(dataset, out var pixels)) return pixels;
        var info = DatasetCatalog.Get(dataset);
        var file = acquirer.Acquire(info, info.File(DatasetInfo.TestImages));
        return loaded[dataset] = IdxReader.ReadImages(file.Path).Pixels;
    }
}
