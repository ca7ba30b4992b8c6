using System.Diagnostics;
using FashionBench.Harness.Training;
using FashionBench.Tests.Training;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Tests.Robustness;

/// <summary>From epoch 2 on, training neither accumulates tensors nor grows the process (bound: 40 MB of RSS).</summary>
public class MemoryTests
{
    const double RssBoundMb = 40;

    [Test]
    public void LiveTensorsAndRssStayFlatFromEpochTwo()
    {
        var dir = Directory.CreateTempSubdirectory("fb-memory-").FullName;
        var spec = TinySpecs.Adam with { Recipe = TinySpecs.Adam.Recipe with { Epochs = 6 } };
        var d = new SyntheticDatasetProvider(train: 1000).Load("synthetic", null, null, CPU);
        var data = TrainingData.Split(d.TrainImages, d.TrainLabels, d.TestImages, d.TestLabels, 0.2, d.ClassNames, d.Mean, d.Std);
        var tensors = new Dictionary<int, long>();
        var rssMb = new Dictionary<int, double>();
        var progress = new Sync(p =>
        {
            if (p.Batch != p.Batches) return;
            tensors[p.Epoch] = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
            rssMb[p.Epoch] = Process.GetCurrentProcess().WorkingSet64 / 1e6;
        });
        Trainer.Train(spec, data, new TrainerOptions(CPU, 5, 6, dir, "hash", progress)).Model.Dispose();
        Directory.Delete(dir, recursive: true);

        TestContext.Out.WriteLine("live tensors: " + string.Join(", ", tensors.Values) + "; RSS MB: " + string.Join(", ", rssMb.Values.Select(v => v.ToString("0"))));
        Assert.That(tensors.Where(t => t.Key >= 2).Select(t => t.Value).Distinct().Count(), Is.EqualTo(1));
        Assert.That(rssMb.Where(r => r.Key >= 2).Max(r => r.Value) - rssMb[2], Is.LessThan(RssBoundMb));
    }

    sealed class Sync(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
