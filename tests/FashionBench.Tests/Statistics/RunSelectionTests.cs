using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using FashionBench.Tests.Regression;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

public class RunSelectionTests
{
    string dir = "";

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("fb-selection-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void AnOlderConfigurationOfTheSameSeedIsNotCountedTwice()
    {
        var store = new RunStore(dir, "quick");
        var config = RunConfig.For(ModelCatalog.Find("fashion-cnn/aug-dropout")!, Profile.Get("quick"), 1, "cpu");
        var labels = Enumerable.Range(0, 20).Select(i => i % 10).ToArray();
        var current = SyntheticRuns.Write(store, config, labels, labels);
        var stale = SyntheticRuns.Write(store, config with { Epochs = 1 }, labels, labels);   // another hash, same seed
        var other = SyntheticRuns.Write(store, config with { Seed = 2 }, labels, labels);
        Assert.That(stale.RunId, Is.Not.EqualTo(current.RunId));

        RunMetrics At(RunMetrics m, int day) => m with { Provenance = m.Provenance with { Created = DateTimeOffset.UnixEpoch.AddDays(day) } };

        Assert.That(RunSelection.LatestPerSeed([At(stale, 1), At(current, 2), other]).Select(r => r.RunId),
            Is.EqualTo(new[] { current.RunId, other.RunId }));
        Assert.That(RunSelection.LatestPerSeed([At(stale, 3), At(current, 2), other]).Select(r => r.RunId),
            Is.EqualTo(new[] { stale.RunId, other.RunId }));
        Assert.That(RunSelection.LatestPerSeed(store), Has.Count.EqualTo(2));
    }
}
