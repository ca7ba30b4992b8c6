using FashionBench.Harness.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>
/// A dataset in memory: images float32 [N,1,28,28] in [0,1] (pixel / 255, not normalised: a run normalises each batch
/// by its recipe's rule, after augmentation), labels int64 [N], on one device, with the checksums its files were
/// verified against. Its tensors live outside any dispose scope; whoever loads one disposes it.
/// </summary>
public sealed record LoadedDataset(
    string Name,
    Tensor TrainImages, Tensor TrainLabels, Tensor TestImages, Tensor TestLabels,
    IReadOnlyList<string> ClassNames, double Mean, double Std,
    IReadOnlyList<DatasetChecksum> Checksums) : IDisposable
{
    /// <summary>Reads both splits of verified files onto the CPU; both are read (and validated) before any tensor exists.</summary>
    public static LoadedDataset Read(AcquiredDataset acquired)
    {
        var train = IdxReader.ReadSplit(acquired.PathOf(DatasetInfo.TrainImages), acquired.PathOf(DatasetInfo.TrainLabels));
        var test = IdxReader.ReadSplit(acquired.PathOf(DatasetInfo.TestImages), acquired.PathOf(DatasetInfo.TestLabels));
        var ((trainImages, trainLabels), (testImages, testLabels)) = (Tensors(train), Tensors(test));
        var info = acquired.Info;
        return new(info.Name, trainImages, trainLabels, testImages, testLabels, info.ClassNames, info.Mean, info.Std,
            acquired.Files.Select(f => new DatasetChecksum(info.Name, f.File.Name, f.GzSha256)).ToList());
    }

    /// <summary>The first <paramref name="trainLimit"/> and <paramref name="testLimit"/> items (null: all) on <paramref name="device"/>, as new tensors.</summary>
    public LoadedDataset Prefix(int? trainLimit, int? testLimit, Device device) => this with
    {
        TrainImages = Prefix(TrainImages, trainLimit, device), TrainLabels = Prefix(TrainLabels, trainLimit, device),
        TestImages = Prefix(TestImages, testLimit, device), TestLabels = Prefix(TestLabels, testLimit, device),
    };

    public void Dispose()
    {
        foreach (var t in new[] { TrainImages, TrainLabels, TestImages, TestLabels }) t.Dispose();
    }

    // The bytes go into a tensor in one call, then are converted.
    static (Tensor Images, Tensor Labels) Tensors(IdxSplit split)
    {
        using var rawImages = tensor(split.Pixels, [split.Count, 1, split.Rows, split.Cols]);   // [N, 1, 28, 28] uint8
        using var rawLabels = tensor(split.Labels, [split.Count]);                              // [N] uint8
        return (rawImages.to(ScalarType.Float32).div_(255f).DetachFromDisposeScope(), rawLabels.to(ScalarType.Int64).DetachFromDisposeScope());
    }

    static Tensor Prefix(Tensor t, int? limit, Device device)
    {
        if (limit is <= 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "must be positive");
        return (limit is { } n && n < t.shape[0] ? t.narrow(0, 0, n) : t.alias()).to(device).DetachFromDisposeScope();
    }
}

/// <summary>Loads (and caches in memory) a dataset by name with optional limits on the item counts.</summary>
public interface IDatasetProvider
{
    LoadedDataset Load(string dataset, int? trainLimit, int? testLimit, Device device);
}
