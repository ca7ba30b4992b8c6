using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

/// <summary>
/// The regression gate's detection power, measured on a real results folder: the committed CPU reference judged by the
/// committed `documented` bars, each model's runs degraded by growing drops of test accuracy.
/// </summary>
[Category("Integration")]
public sealed class DetectionPowerTests
{
    static readonly double[] Drops = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12];

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

    [Test]
    public void TheDocumentedBarsOnTheCommittedReference()
    {
        var repo = RepoRoot.Find();
        var thresholds = ThresholdsFile.Load(Path.Combine(repo, "results", "thresholds.json")).Profiles["documented"];
        var power = DetectionPower.Measure(new RunStore(Path.Combine(repo, "results", "reference"), "documented"), thresholds, Drops);
        foreach (var p in power)
            TestContext.Out.WriteLine($"{p.Model,-36} seeds {p.Seeds}  smallest drop caught in every seed: {(p.SmallestDropCaughtPp is { } d ? $"{d} pp" : "none tried")}  false alarms {p.FalseAlarms}");
        Assert.That(power, Has.Count.EqualTo(thresholds.Models.Count(m => power.Any(p => p.Model == m.Key))));
        Assert.That(power.Sum(p => p.FalseAlarms), Is.Zero, "a clean reference run below its own bar is a false alarm");
    }
}
