using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;
using FashionBench.Models;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Tests.Training;

public class TrainerTests
{
    string dir = "";

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("fb-trainer-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    static TrainingData Data(ModelSpec spec)
    {
        var d = new SyntheticDatasetProvider().Load("synthetic", null, null, CPU);
        return TrainingData.Split(d.TrainImages, d.TrainLabels, d.TestImages, d.TestLabels,
            spec.Recipe.ValidationFraction, d.ClassNames, d.Mean, d.Std);
    }

    TrainingOutcome Train(ModelSpec spec, string name, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default) =>
        Trainer.Train(spec, Data(spec), new TrainerOptions(CPU, 3, spec.Recipe.Epochs, Path.Combine(dir, name), "hash",
            progress, cancel));

    static float[] Weights(TrainingOutcome outcome) =>
        outcome.Model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [TestCase("adam")]
    [TestCase("onecycle")]
    public void SameSeedGivesIdenticalCurvesAndWeights(string which)
    {
        var spec = which == "adam" ? TinySpecs.Adam : TinySpecs.OneCycle;
        var a = Train(spec, "a");
        var b = Train(spec, "b");
        Assert.That(b.Curves, Is.EqualTo(a.Curves).Using<EpochRecord>((x, y) => x with { TrainSeconds = 0, EvalSeconds = 0 } == y with { TrainSeconds = 0, EvalSeconds = 0 }));
        Assert.That(Weights(b), Is.EqualTo(Weights(a)));
        Assert.That(a.Curves.Last().ValidationAccuracy, Is.GreaterThan(0.3), "the synthetic task is learnable");
    }

    [Test]
    public void ResumingAfterAnInterruptionEndsExactlyLikeAnUninterruptedRun()
    {
        var spec = TinySpecs.Adam;
        var uninterrupted = Train(spec, "whole");

        using var cancel = new CancellationTokenSource();
        var stopInEpoch3 = new Progress(p => { if (p.Epoch == 3 && p.Batch == 1) cancel.Cancel(); });
        Assert.Throws<OperationCanceledException>(() => Train(spec, "resumed", stopInEpoch3, cancel.Token));
        var epochsReported = new List<int>();
        var resumed = Train(spec, "resumed", new Progress(p => epochsReported.Add(p.Epoch)));

        Assert.That(epochsReported.Min(), Is.EqualTo(3), "it resumes after the two complete epochs");
        Assert.That(resumed.Curves.Select(c => (c.TrainLoss, c.ValidationLoss, c.ValidationAccuracy, c.LearningRate)),
            Is.EqualTo(uninterrupted.Curves.Select(c => (c.TrainLoss, c.ValidationLoss, c.ValidationAccuracy, c.LearningRate))));
        Assert.That(Weights(resumed), Is.EqualTo(Weights(uninterrupted)));
    }

    [Test]
    public void LiveTensorCountDoesNotGrowAcrossEpochs()
    {
        var liveAtEpochEnd = new Dictionary<int, long>();
        var spec = TinySpecs.Adam with { Recipe = TinySpecs.Adam.Recipe with { Epochs = 5 } };
        Train(spec, "count", new Progress(p =>
        {
            if (p.Batch == p.Batches) liveAtEpochEnd[p.Epoch] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        }));
        Assert.That(liveAtEpochEnd.Keys, Is.EquivalentTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(liveAtEpochEnd.Values.Skip(1).Distinct().Count(), Is.EqualTo(1),
            "live tensors at the end of epochs 2..5: " + string.Join(", ", liveAtEpochEnd.Values));
    }

    /// <summary>Synchronous IProgress (System.Progress posts to the thread pool).</summary>
    sealed class Progress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
