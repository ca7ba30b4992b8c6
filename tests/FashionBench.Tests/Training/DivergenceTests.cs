using FashionBench.Harness;
using System.Text.Json;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;
using FashionBench.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Training;

/// <summary>A non-finite loss is a result: the run stops at that batch, is recorded as diverged, and nothing crashes.</summary>
public class DivergenceTests
{
    const long Seed = 3;
    string dir = "";

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("fb-diverge-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    // OneCycle validates on the test set, so every training image is trained on, in batches of 64.
    static ModelSpec Spec => TinySpecs.OneCycle;

    /// <summary>The synthetic dataset with training image <paramref name="poisoned"/> made NaN.</summary>
    sealed class PoisonedProvider(int poisoned) : IDatasetProvider
    {
        public LoadedDataset Load(string dataset, int? trainLimit, int? testLimit, Device device)
        {
            var clean = new SyntheticDatasetProvider().Load(dataset, trainLimit, testLimit, device);
            clean.TrainImages[poisoned] = full([1, 28, 28], float.NaN);
            return clean;
        }
    }

    /// <summary>The 1-based batch of epoch 1 that holds training image <paramref name="index"/>, from the trainer's own shuffle.</summary>
    static long BatchHolding(int index, long n)
    {
        using var generator = new Generator((ulong)Trainer.MixSeed(Seed, 0), CPU);
        var position = randperm(n, generator: generator).eq(index).nonzero().item<long>();
        return position / Spec.Recipe.BatchSize + 1;
    }

    [Test]
    public void ANaNImageStopsTheRunAtItsBatchAndTheRunIsRecordedAsDiverged()
    {
        var store = new RunStore(dir, "smoke");
        var executor = new RunExecutor(store, new PoisonedProvider(300), new ExecutionOptions(CPU, 1, dir, _ => { }));
        var config = RunConfig.For(Spec, Profile.Get("smoke"), Seed, "cpu");

        var outcome = executor.Execute(Spec, config);

        var health = outcome.Metrics.Health!;
        Assert.That(health.Status, Is.EqualTo(HealthStatus.Diverged));
        Assert.That((health.Epoch, health.Batch), Is.EqualTo((1, BatchHolding(300, config.TrainLimit!.Value))));
        Assert.That(health.EvaluatedEpoch, Is.EqualTo(0));
        Assert.That(health.Reason, Does.StartWith("training loss NaN at epoch 1, batch").And.EndWith("the weights as initialised"));
        Assert.That(outcome.Metrics.EpochsRun, Is.Zero, "no epoch completed");
        Assert.That(outcome.Metrics.Provenance.KernelSelfCheck, Does.StartWith("passed"), "the self-check ran first and is recorded");
        Assert.That(double.IsNaN(outcome.Metrics.EpochSecondsMedian));
        Assert.That(outcome.Metrics.TestAccuracy, Is.InRange(0.0, 1.0), "the initial weights are finite and evaluated");

        Assert.That(store.Status(config.RunId), Is.EqualTo(RunStatus.Complete), "a failed run is a complete result");
        Assert.That(File.ReadAllText(store.FileOf(config.RunId, "metrics.json")), Does.Contain("\"NaN\"").And.Contain("\"diverged\""));
        var reused = executor.Execute(Spec, config);
        Assert.That(reused.Reused, Is.True);
        Assert.That(reused.Metrics.Health, Is.EqualTo(health), "metrics.json round-trips its NaNs and its health");

        var row = Aggregates.Write(store).Single();
        Assert.That(row.Status, Is.EqualTo("diverged"));
        Assert.That(CsvFile.Read<RunRow>(Path.Combine(store.ProfileDir, "runs.csv")).Single().Status, Is.EqualTo("diverged"));
    }

    [Test]
    public void WeightsGoneNonFiniteInALaterEpochAreReplacedByTheLastCompletedEpochs()
    {
        var data = new SyntheticDatasetProvider().Load("synthetic", null, null, CPU);
        var split = TrainingData.Split(data.TrainImages, data.TrainLabels, data.TestImages, data.TestLabels,
            Spec.Recipe.ValidationFraction, data.ClassNames, data.Mean, data.Std);
        // After the first batch of epoch 2, every training image turns NaN: batch 2 of epoch 2 is the first non-finite loss.
        var poison = new Progress(p => { if (p.Epoch == 2 && p.Batch == 1) split.TrainImages.fill_(float.NaN); });
        var outcome = Trainer.Train(Spec, split, new TrainerOptions(CPU, Seed, Spec.Recipe.Epochs, Path.Combine(dir, "ckpt"), "hash", poison));

        Assert.That(outcome.Health.Status, Is.EqualTo(HealthStatus.Diverged));
        Assert.That((outcome.Health.Epoch, outcome.Health.Batch, outcome.Health.EvaluatedEpoch), Is.EqualTo((2, 2L, 1)));
        Assert.That(outcome.Curves, Has.Count.EqualTo(1), "the curve up to the failure: epoch 1");
        Assert.That(outcome.Model.parameters().All(p => p.isfinite().all().item<bool>()), "epoch 1's weights, not the NaN ones");
    }

    [Test]
    public void ARunThatPredictsOneClassIsCollapsedAndOneThatTrainedIsOk()
    {
        EpochRecord Epoch(double loss) => new(1, loss, 0.1, loss, 0.1, 0.01, 1, 1);
        Assert.That(RunHealth.Assess(RunHealth.Ok, [Epoch(0.5)], [3]).Reason, Is.EqualTo("predicts class 3 for every test image"));
        Assert.That(RunHealth.Assess(RunHealth.Ok, [Epoch(Math.Log(10) + 0.001), Epoch(Math.Log(10) - 0.002)], [3, 1]).Reason,
            Does.Contain("ln 10"));
        Assert.That(RunHealth.Assess(RunHealth.Ok, [Epoch(2.0), Epoch(Math.Log(10))], [3, 1]).Status, Is.EqualTo(HealthStatus.Ok));
        var diverged = RunHealth.Diverged(2, 5, "training loss NaN", 1);
        Assert.That(RunHealth.Assess(diverged, [Epoch(0.5)], [3]), Is.EqualTo(diverged), "divergence wins");
    }

    [Test]
    public void MetricsJsonWritesNonFiniteNumbersAsNamedLiterals()
    {
        var json = JsonSerializer.Serialize(new { a = double.NaN, b = double.PositiveInfinity }, JsonFormat.Options);
        Assert.That(json, Does.Contain("\"NaN\"").And.Contain("\"Infinity\""));
    }

    sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
