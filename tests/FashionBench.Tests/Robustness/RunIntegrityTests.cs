using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Tests.Training;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Robustness;

/// <summary>A completed run vouches for its files by hash; a folder that fails the check is reported and re-run.</summary>
public class RunIntegrityTests
{
    string results = "";
    readonly List<string> notices = [];

    [SetUp] public void SetUp() => results = Directory.CreateTempSubdirectory("fb-integrity-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(results, recursive: true);

    (RunStore, RunExecutor, RunConfig) Setup()
    {
        var store = new RunStore(results, "smoke");
        var executor = new RunExecutor(store, new SyntheticDatasetProvider(),
            new ExecutionOptions(CPU, 1, results, notices.Add));
        var spec = TinySpecs.Adam with { Recipe = TinySpecs.Adam.Recipe with { Epochs = 2 } };
        return (store, executor, RunConfig.For(spec, Profile.Get("smoke"), 1, "cpu"));
    }

    static ModelSpec Spec => TinySpecs.Adam with { Recipe = TinySpecs.Adam.Recipe with { Epochs = 2 } };

    [TestCase("metrics.json", "truncate")]
    [TestCase("per_class.csv", "edit")]
    [TestCase("complete.json", "truncate")]
    public void ATamperedRunIsReportedExcludedAndTrainedAgain(string file, string how)
    {
        var (store, executor, config) = Setup();
        var first = executor.Execute(Spec, config);
        Assert.That(first.Reused, Is.False);
        Assert.That(executor.Execute(Spec, config).Reused, Is.True, "a complete run is reused");

        var path = store.FileOf(config.RunId, file);
        if (how == "truncate") File.WriteAllText(path, File.ReadAllText(path)[..10]);
        else File.WriteAllText(path, File.ReadAllText(path).Replace("0.", "1."));

        Assert.That(store.Status(config.RunId), Is.EqualTo(RunStatus.Corrupt));
        Assert.That(store.CompleteRuns(), Is.Empty, "never aggregated");
        var again = executor.Execute(Spec, config);
        Assert.That(again.Reused, Is.False);
        Assert.That(notices, Has.Some.Contains("do not match their recorded hashes"));
        Assert.That(store.Status(config.RunId), Is.EqualTo(RunStatus.Complete));
        Assert.That(again.Metrics.TestAccuracy, Is.EqualTo(first.Metrics.TestAccuracy));
        Assert.That(again.Metrics.PerClass, Is.EqualTo(first.Metrics.PerClass));
    }

    [Test]
    public void ARunWithoutItsCompletionRecordIsIncompleteNotComplete()
    {
        var (store, executor, config) = Setup();
        executor.Execute(Spec, config);
        File.Delete(store.FileOf(config.RunId, RunStore.CompletionFile));
        Assert.That(store.Status(config.RunId), Is.EqualTo(RunStatus.Incomplete));
        Assert.That(store.CompleteRuns(), Is.Empty);
    }
}
