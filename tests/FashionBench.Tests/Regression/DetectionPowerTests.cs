using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

/// <summary>
/// The regression gate's detection power, measured on real results folders: each profile's committed reference judged by
/// its committed bars, each model's runs degraded by growing drops of test accuracy.
/// </summary>
[Category("Integration")]
public sealed class DetectionPowerTests
{
    static readonly double[] Drops = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32];

    [Test]
    public void LoweringAccuracyKeepsTheRunConsistentAndComplete()
    {
        var root = Directory.CreateTempSubdirectory("fb-lower-").FullName;
        try
        {
            var store = new RunStore(root, "quick");
            var run = SyntheticRuns.Write(store, "mnist-8k/model1", 1, 0.9, testImages: 1000);
            DetectionPower.LowerAccuracy(store, run.RunId, 50);                       // 5 pp of 1,000 images
            Assert.That(store.Status(run.RunId), Is.EqualTo(RunStatus.Complete), "the completion record vouches for the new files");
            var lowered = store.ReadMetrics(run.RunId);
            Assert.That(lowered.TestAccuracy, Is.EqualTo(run.TestAccuracy - 0.05).Within(1e-12));
            var predictions = CsvFile.Read<PredictionRow>(store.FileOf(run.RunId, RunStore.PredictionsFile));
            Assert.That(predictions.Count(p => p.Prediction == p.Label) / 1000.0, Is.EqualTo(lowered.TestAccuracy).Within(1e-12));
            Assert.That(lowered.Confusion.Select((row, t) => row[t]).Sum() / 1000.0, Is.EqualTo(lowered.TestAccuracy).Within(1e-12));
            Assert.That(lowered.MacroF1, Is.LessThan(run.MacroF1));
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    /// <summary>
    /// Each profile's committed bars on its committed reference (results/reference/PROFILE), by the minima alone (what a
    /// machine with other kernels meets) and with the exact check (a machine with the reference's kernels): no clean run
    /// fails, and where a target is given every model's drop of that size is caught in every seed.
    /// </summary>
    [TestCase("documented", false, null)]
    [TestCase("documented", true, 2.0)]
    [TestCase("ci", false, null)]
    [TestCase("ci", true, 6.0)]
    [TestCase("quick", false, null)]
    [TestCase("quick", true, 2.0)]
    public void TheCommittedBarsOnTheCommittedReference(string profile, bool exact, double? targetPp)
    {
        var repo = RepoRoot.Find();
        var thresholds = ThresholdsFile.Load(Path.Combine(repo, "results", "thresholds.json")).For(profile);
        Assert.That(thresholds, Is.Not.Null, $"results/thresholds.json has no bars for '{profile}'");
        var power = DetectionPower.Measure(new RunStore(Path.Combine(repo, "results", "reference"), profile), thresholds!, Drops, exact);
        foreach (var p in power)
            TestContext.Out.WriteLine($"{p.Model,-36} seeds {p.Seeds}  smallest drop caught in every seed: {(p.SmallestDropCaughtPp is { } d ? $"{d} pp" : "none tried")}  false alarms {p.FalseAlarms}");
        Assert.That(power.Select(p => p.Model), Is.EquivalentTo(thresholds!.Models.Keys), "every model with a bar has runs in the reference");
        Assert.That(power.Sum(p => p.FalseAlarms), Is.Zero, "a clean reference run that fails its own bar is a false alarm");
        if (targetPp is { } target)
            Assert.That(power.Where(p => p.SmallestDropCaughtPp is not { } d || d > target).Select(p => p.Model), Is.Empty,
                $"models whose {target} pp drop is not caught in every seed");
    }

    /// <summary>
    /// The profiles a gate uses have a bar above 0 for every model of their matrix, each from ≥ 5 healthy seeds of its
    /// own: .ci/run's `ci` and the nightly's `quick`.
    /// </summary>
    [TestCase("ci")]
    [TestCase("quick")]
    public void AGateProfileHasOwnSpreadBarsForItsWholeMatrix(string profile)
    {
        var thresholds = ThresholdsFile.Load(Path.Combine(RepoRoot.Find(), "results", "thresholds.json")).For(profile);
        Assert.That(thresholds, Is.Not.Null, $"results/thresholds.json has no bars for '{profile}'");
        Assert.That(thresholds!.Models.Keys, Is.SupersetOf(ModelCatalog.Default.Select(s => s.Id)), "a bar for every model of the matrix");
        Assert.Multiple(() =>
        {
            foreach (var (model, bar) in thresholds.Models)
            {
                Assert.That(bar.Seeds, Is.GreaterThanOrEqualTo(5), $"{model}: healthy seeds behind its bar");
                Assert.That(Math.Min(bar.MinAccuracy, bar.MinMacroF1), Is.GreaterThan(0), $"{model}: a bar at 0 cannot fail");
            }
        });
    }
}
