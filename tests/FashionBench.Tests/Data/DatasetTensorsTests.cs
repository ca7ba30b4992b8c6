using FashionBench.Harness.Data;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Data;

public class DatasetTensorsTests
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
        using var tensors = DatasetTensors.Load(acquired);
        var train = tensors.Train;

        Assert.That(train.Images.shape, Is.EqualTo(new long[] { SyntheticDataset.TrainCount, 1, 28, 28 }));
        Assert.That(train.Images.dtype, Is.EqualTo(ScalarType.Float32));
        Assert.That(train.Labels.shape, Is.EqualTo(new long[] { SyntheticDataset.TrainCount }));
        Assert.That(train.Labels.dtype, Is.EqualTo(ScalarType.Int64));
        Assert.That(train.Images[4, 0, 10, 3].item<float>(), Is.EqualTo(SyntheticDataset.Pixel(0, 4, 10, 3) / 255f).Within(1e-7));
        Assert.That(train.Images.max().item<float>(), Is.EqualTo(1f), "pattern reaches 255");
        Assert.That(train.Images.min().item<float>(), Is.EqualTo(0f));
        Assert.That(train.Labels.data<long>().ToArray(), Is.EqualTo(SyntheticDataset.Labels(SyntheticDataset.TrainCount).Select(b => (long)b)));
        Assert.That(tensors.Test.Count, Is.EqualTo(SyntheticDataset.TestCount));
        Assert.That(tensors.Test.Images[1, 0, 0, 0].item<float>(), Is.EqualTo(SyntheticDataset.Pixel(100, 1, 0, 0) / 255f).Within(1e-7));
    }

    [Test]
    public void LimitsKeepTheFirstItems()
    {
        using var tensors = DatasetTensors.Load(acquired, trainLimit: 4, testLimit: 2);

        Assert.That(tensors.Train.Count, Is.EqualTo(4));
        Assert.That(tensors.Train.Images.shape[0], Is.EqualTo(4));
        Assert.That(tensors.Train.Labels.data<long>().ToArray(), Is.EqualTo(SyntheticDataset.Labels(4).Select(b => (long)b)));
        Assert.That(tensors.Test.Labels.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(tensors.Train.Images[3, 0, 27, 27].item<float>(), Is.EqualTo(SyntheticDataset.Pixel(0, 3, 27, 27) / 255f).Within(1e-7));
    }

    [Test]
    public void TensorsSurviveTheDisposeScopeTheyWereLoadedIn()
    {
        DatasetTensors tensors;
        using (NewDisposeScope()) tensors = DatasetTensors.Load(acquired);
        using (tensors)
            Assert.That(tensors.Train.Images.sum().item<float>(), Is.GreaterThan(0f));
    }
}
