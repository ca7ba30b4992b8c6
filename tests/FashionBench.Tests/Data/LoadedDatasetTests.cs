using FashionBench.Harness.Data;
using FashionBench.Harness.Runs;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Data;

public class LoadedDatasetTests
{
    TempDirectory temp = null!;
    SyntheticDataset data = null!;
    AcquiredDataset acquired = null!;

    [SetUp]
    public void SetUp()
    {
        temp = new TempDirectory();
        data = new SyntheticDataset();
        data.WriteMirror(temp.Sub("mirror"));
        using var http = DatasetAcquirer.CreateHttpClient();
        var sources = new DataSources(temp.Sub("cache"), [temp.Sub("mirror")], false, [], TimeSpan.FromSeconds(10));
        acquired = new DatasetAcquirer(sources, http, _ => { }).Acquire(data.Info);
    }

    [TearDown] public void TearDown() => temp.Dispose();

    [Test]
    public void SplitsAreFloatImagesInZeroOneAndInt64Labels()
    {
        using var loaded = LoadedDataset.Read(acquired);

        Assert.That(loaded.TrainImages.shape, Is.EqualTo(new long[] { SyntheticDataset.TrainCount, 1, 28, 28 }));
        Assert.That(loaded.TrainImages.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(loaded.TrainLabels.shape, Is.EqualTo(new long[] { SyntheticDataset.TrainCount }));
        Assert.That(loaded.TrainLabels.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(loaded.TrainImages[4, 0, 10, 3].item<float>(), Is.EqualTo(SyntheticDataset.Pixel(0, 4, 10, 3) / 255f).Within(1e-7));
        Assert.That(loaded.TrainImages.max().item<float>(), Is.EqualTo(1f), "pattern reaches 255");
        Assert.That(loaded.TrainImages.min().item<float>(), Is.EqualTo(0f));
        Assert.That(loaded.TrainLabels.data<long>().ToArray(), Is.EqualTo(SyntheticDataset.Labels(SyntheticDataset.TrainCount).Select(b => (long)b)));
        Assert.That(loaded.TestImages.shape[0], Is.EqualTo(SyntheticDataset.TestCount));
        Assert.That(loaded.TestImages[1, 0, 0, 0].item<float>(), Is.EqualTo(SyntheticDataset.Pixel(100, 1, 0, 0) / 255f).Within(1e-7));
        Assert.That(loaded.Checksums.Select(c => c.File), Is.EquivalentTo(acquired.Files.Select(f => f.File.Name)));
    }

    [Test]
    public void LimitsKeepTheFirstItems()
    {
        using var full = LoadedDataset.Read(acquired);
        using var prefix = full.Prefix(trainLimit: 4, testLimit: 2, CPU);

        Assert.That(prefix.TrainImages.shape[0], Is.EqualTo(4));
        Assert.That(prefix.TrainLabels.data<long>().ToArray(), Is.EqualTo(SyntheticDataset.Labels(4).Select(b => (long)b)));
        Assert.That(prefix.TestLabels.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(prefix.TrainImages[3, 0, 27, 27].item<float>(), Is.EqualTo(SyntheticDataset.Pixel(0, 3, 27, 27) / 255f).Within(1e-7));
        Assert.That(() => full.Prefix(0, null, CPU), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TensorsSurviveTheDisposeScopeTheyWereLoadedIn()
    {
        LoadedDataset loaded;
        using (NewDisposeScope()) loaded = LoadedDataset.Read(acquired);
        using (loaded)
            Assert.That(loaded.TrainImages.sum().item<float>(), Is.GreaterThan(0f));
    }
}
