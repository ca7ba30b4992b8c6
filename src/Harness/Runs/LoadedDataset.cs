using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>
/// A dataset in memory for training: images float32 [N,1,28,28] in [0,1], labels int64 [N], on the run's device,
/// plus the raw test pixels (for the report's image grids) and the checksums the files were verified against.
/// </summary>
public sealed record LoadedDataset(
    string Name,
    Tensor TrainImages, Tensor TrainLabels, Tensor TestImages, Tensor TestLabels,
    IReadOnlyList<string> ClassNames, double Mean, double Std,
    IReadOnlyList<DatasetChecksum> Checksums);

/// <summary>Loads (and caches in memory) a dataset by name with optional limits on the item counts.</summary>
public interface IDatasetProvider
{
    LoadedDataset Load(string dataset, int? trainLimit, int? testLimit, Device device);
}
