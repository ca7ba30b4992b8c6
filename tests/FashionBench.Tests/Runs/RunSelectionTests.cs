using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Tests.Regression;
using NUnit.Framework;

namespace FashionBench.Tests.Runs;

/// <summary>The one rule for which complete runs count, and the run that stands for a model.</summary>
public class RunSelectionTests
{
    string dir = "";
    RunStore store = null!;
    static readonly int[] Labels = Enumerable.Range(0, 20).Select(i => i % 10).ToArray();
    static readonly ModelSpec Spec = ModelCatalog.Find("fashion-cnn/aug-dropout")!;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("fb-selection-").FullName;
        store = new RunStore(dir, "quick");
    }

    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    static RunConfig Config(long seed) => RunConfig.For(Spec, Profile.Get("quick"), seed, "cpu");

    static RunMetrics At(RunMetrics m, int day) => m with { Provenance = m.Provenance with { Created = DateTimeOffset.UnixEpoch.AddDays(day) } };

    [Test]
    public void AStaleConfigurationBesideACurrentOneIsListedAndNeverCounted()
    {
        var current = SyntheticRuns.Write(store, Config(1), Labels, Labels);
        // The same model and seed under a recipe the catalogue no longer has (as after a spec change): newer, but stale.
        var changed = Config(1) with { Recipe = Spec.Recipe with { BatchSize = Spec.Recipe.BatchSize * 2 } };
        var stale = At(SyntheticRuns.Write(store, changed, Labels, Labels), 9);

        var selection = RunSelection.Of([current, stale]);
        Assert.That(selection.Current.Select(r => r.RunId), Is.EqualTo(new[] { current.RunId }));
        Assert.That(selection.Stale.Single().Run.RunId, Is.EqualTo(stale.RunId));
        Assert.That(selection.Stale.Single().Reason, Does.Contain("not the catalogue's today"));
        Assert.That(RunSelection.Of(store).Current.Select(r => r.RunId), Is.EqualTo(new[] { current.RunId }), "read from the folder too");
        Assert.That(Aggregates.Write(store).Select(r => r.RunId), Is.EqualTo(new[] { current.RunId }), "runs.csv holds the current run only");
    }

    [Test]
    public void TwoSeedsBothCountAndTheLowestRepresentsTheModel()
    {
        var seed2 = SyntheticRuns.Write(store, Config(2), Labels, Labels);
        var seed1 = SyntheticRuns.Write(store, Config(1), Labels, Labels);
        var selection = RunSelection.Of([seed2, seed1]);
        Assert.That(selection.Current.Select(r => r.Seed), Is.EqualTo(new[] { 1L, 2L }));
        Assert.That(selection.Stale, Is.Empty);
        Assert.That(selection.RepresentativeOf(Spec.Id, "cpu")!.RunId, Is.EqualTo(seed1.RunId));
        Assert.That(selection.RepresentativeOf(Spec.Id, "cuda"), Is.Null);
        Assert.That(new TrainedModels(store).RunOf(Spec, "cpu").RunId, Is.EqualTo(seed1.RunId), "export and bench use the same run");
    }

    [Test]
    public void ASeedTrainedAgainIsRepresentedByItsLatestRunAndTheEarlierIsSuperseded()
    {
        var first = At(SyntheticRuns.Write(store, Config(1), Labels, Labels), 1);
        var again = At(SyntheticRuns.Write(store, Config(1) with { Epochs = 1 }, Labels, Labels), 2);   // e.g. --epochs 1
        var selection = RunSelection.Of([first, again]);
        Assert.That(selection.Current.Select(r => r.RunId), Is.EqualTo(new[] { again.RunId }));
        Assert.That(selection.Stale.Single().Reason, Does.StartWith($"superseded by {again.RunId}"));
        Assert.That(RunSelection.Of([At(first, 3), again]).Current.Single().RunId, Is.EqualTo(first.RunId), "the most recent, whichever it is");
    }

    [Test]
    public void AModelNoLongerInTheCatalogueCountsAsItIs()
    {
        var run = SyntheticRuns.Write(store, Config(1), Labels, Labels) with { Model = "retired/model", ConfigHash = new string('0', 64) };
        Assert.That(RunSelection.Of([run]).Current, Has.Count.EqualTo(1));
    }
}
