using FashionBench.Harness;
using FashionBench.Harness.Data;
using NUnit.Framework;

namespace FashionBench.Tests.Data;

public class DatasetCatalogTests
{
    [Test]
    public void BothDatasetsHaveFourFilesTenClassesAndAtLeastTwoMirrors()
    {
        Assert.That(DatasetCatalog.All.Select(d => d.Name), Is.EqualTo(new[] { "fashion-mnist", "mnist" }));
        foreach (var info in DatasetCatalog.All)
        {
            Assert.That(info.Files.Select(f => f.Name), Is.EquivalentTo(new[]
                { DatasetInfo.TrainImages, DatasetInfo.TrainLabels, DatasetInfo.TestImages, DatasetInfo.TestLabels }));
            Assert.That(info.ClassNames, Has.Count.EqualTo(10));
            Assert.That(info.HttpMirrors, Has.Count.GreaterThanOrEqualTo(2));
            foreach (var file in info.Files)
            {
                Assert.That(file.GzMd5, Does.Match("^[0-9a-f]{32}$"), file.Name);
                Assert.That(file.GzSha256, Does.Match("^[0-9a-f]{64}$"), file.Name);
                Assert.That(file.RawSha256, Does.Match("^[0-9a-f]{64}$"), file.Name);
            }
        }
        Assert.That(DatasetCatalog.FashionMnist.ClassNames[9], Is.EqualTo("Ankle boot"));
    }

    [Test]
    public void GetFindsNamesIgnoringCaseAndRejectsUnknownOnesByName()
    {
        Assert.That(DatasetCatalog.Get("MNIST"), Is.SameAs(DatasetCatalog.Mnist));
        var error = Assert.Throws<UserError>(() => DatasetCatalog.Get("cifar-10"))!;
        Assert.That(error.Message, Does.Contain("cifar-10").And.Contain("fashion-mnist"));
    }
}
