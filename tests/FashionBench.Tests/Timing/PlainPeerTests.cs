using FashionBench.Harness.Timing;
using FashionBench.Tests.Robustness;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

/// <summary>
/// `bench-train --peer torchsharp-plain`: the plain TorchSharp loop trains the same model on the same data in the same
/// process as the trainer (measured first, before the trainer changes the process's heap settings), and both rows land
/// in train_throughput.csv, each under its own engine name.
/// </summary>
[Category("Integration")]
public sealed class PlainPeerTests
{
    [Test]
    public void ThePlainLoopAndTheTrainerAreMeasuredSideBySide()
    {
        if (CliProcess.Mirror() is not { } mirror) { Assert.Ignore("no dataset mirror (../shared/datasets or FASHIONBENCH_DATA_MIRROR)"); return; }
        var results = Directory.CreateTempSubdirectory("fb-plain-peer-").FullName;
        try
        {
            var (exit, err) = CliProcess.Run(new Dictionary<string, string> { ["FASHIONBENCH_DATA_MIRROR"] = mirror },
                "bench-train", "--model", "fashion-cnn/alternative", "--peer", "torchsharp-plain", "--threads", "1",
                "--batches", "4", "--repetitions", "2", "--warmup", "2", "--results", results);
            Assert.That(exit, Is.Zero, err);
            var rows = TrainThroughputCsv.Read(TrainThroughputCsv.PathIn(results));
            Assert.That(rows.Select(r => r.Engine), Is.EquivalentTo(new[] { TrainThroughputMeter.Engine, PlainTorchSharpPeer.Engine }));
            Assert.Multiple(() =>
            {
                foreach (var row in rows)
                {
                    Assert.That(row.Model, Is.EqualTo("fashion-cnn/alternative"));
                    Assert.That(row.ImagesPerSecond, Is.GreaterThan(0), row.Engine);
                    Assert.That(row.TrainLoss, Is.GreaterThan(0).And.LessThan(2.5), $"{row.Engine}: a loss near ln 10 or below, from a model that trains");
                }
            });
        }
        finally { Directory.Delete(results, recursive: true); }
    }
}
