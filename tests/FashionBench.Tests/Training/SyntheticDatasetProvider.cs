using FashionBench.Harness.Runs;
using static TorchSharp.torch;

namespace FashionBench.Tests.Training;

/// <summary>
/// Small random datasets for engine tests: each class draws a bright square at its own position over noise, so a
/// model can learn it in a few epochs. Fully determined by the seed.
/// </summary>
public sealed class SyntheticDatasetProvider(int train = 600, int test = 200) : IDatasetProvider
{
    public static readonly string[] Classes = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"];

    public LoadedDataset Load(string dataset, int? trainLimit, int? testLimit, Device device)
    {
        using var generator = new Generator(7);
        var (trainImages, trainLabels) = Make(trainLimit ?? train, generator);
        var (testImages, testLabels) = Make(testLimit ?? test, generator);
        return new LoadedDataset(dataset, trainImages.to(device), trainLabels.to(device), testImages.to(device),
            testLabels.to(device), Classes, 0.2, 0.3, [new DatasetChecksum(dataset, "synthetic", "none")]);
    }

    static (Tensor Images, Tensor Labels) Make(int n, Generator generator)
    {
        var labels = randint(0, 10, [n], generator: generator);
        var images = rand([n, 1, 28, 28], generator: generator) * 0.3f;
        var rows = labels.div(5, rounding_mode: RoundingMode.floor) * 10 + 4;  // class → square position
        var cols = labels.remainder(5) * 4 + 4;
        var y = arange(28).view(1, 28, 1);
        var x = arange(28).view(1, 1, 28);
        var r = rows.view(n, 1, 1);
        var c = cols.view(n, 1, 1);
        var square = (y >= r).logical_and(y < r + 6).logical_and(x >= c).logical_and(x < c + 6);
        images = images + square.unsqueeze(1).to(float32) * 0.7f;
        return (images.clamp(0, 1), labels);
    }
}
