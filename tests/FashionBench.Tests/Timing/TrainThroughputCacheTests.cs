using FashionBench.Harness.Timing;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

/// <summary>`plan`'s measurement cache: what this commit measured is reused, the rest measured once and kept row by row.</summary>
public sealed class TrainThroughputCacheTests
{
    static readonly ModelSpec[] Specs = [ModelCatalog.Find("fashion-cnn/logreg")!, ModelCatalog.Find("tinyvgg/v1-linear")!];

    static TrainThroughputRow Row(ModelSpec spec, string commit) => new()
    {
        Engine = TrainThroughputMeter.Engine, Model = spec.Id, Threads = 2, GitCommit = commit, Concurrent = 1,
        CpuKernels = FashionBench.Harness.Machine.KernelIsa.Describe(), ImagesPerSecond = 1000,
    };

    [Test]
    public void MeasuresOnlyWhatThisCommitHasNotAndKeepsEachRowAsItComes()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("fb-cache-").FullName, "train_throughput.csv");
        try
        {
            var (measured, commit) = (new List<string>(), "c1");
            TrainThroughputRow Measure(ModelSpec spec)
            {
                measured.Add(spec.Id);
                if (measured.Count == 2)                                      // the first row is on disk before the second is measured
                    Assert.That(TrainThroughputCsv.Read(path), Has.Count.EqualTo(1));
                return Row(spec, commit);
            }

            var first = TrainThroughputCache.Fill(path, Specs, 2, 1, "c1", remeasure: false, Measure);
            Assert.That((measured.Count, first.Count, TrainThroughputCsv.Read(path).Count), Is.EqualTo((2, 2, 2)));

            TrainThroughputCache.Fill(path, Specs, 2, 1, "c1", remeasure: false, Measure);
            Assert.That(measured, Has.Count.EqualTo(2), "this commit's rows are reused");

            commit = "c2";
            TrainThroughputCache.Fill(path, Specs, 2, 1, "c2", remeasure: false, Measure);
            Assert.That(measured, Has.Count.EqualTo(4), "another commit measures again");

            TrainThroughputCache.Fill(path, Specs, 2, 1, "c2", remeasure: true, Measure);
            Assert.That(measured, Has.Count.EqualTo(6), "--remeasure measures again");
            Assert.That(TrainThroughputCsv.Read(path), Has.Count.EqualTo(4), "one row per key: commit c1's two and c2's two");
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, recursive: true); }
    }
}
