using FashionBench.Harness.Machine;
using FashionBench.Harness.Timing;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

public class TrainThroughputCsvTests
{
    string dir = "";

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("fb-throughput-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    static TrainThroughputRow Row(string engine, string model, int threads, string commit, double rate) => new()
    {
        Engine = engine, Model = model, Threads = threads, GitCommit = commit, ImagesPerSecond = rate, Cpu = "cpu, with comma",
    };

    [Test]
    public void HeaderHasTheDocumentedColumnsInOrder()
    {
        var path = TrainThroughputCsv.PathIn(dir);
        TrainThroughputCsv.Upsert(path, [Row("torchsharp", "m", 2, "abc", 1)]);
        Assert.That(File.ReadLines(path).First(), Is.EqualTo(
            "engine,model,threads,git_commit,git_dirty,engine_version,batch_size,batches,warmup_batches,repetitions," +
            "images_per_s,images_per_s_min,images_per_s_max,cpu_ms_per_image,eval_images_per_s,train_mflop_per_image," +
            "achieved_gflops,peak_gflops,percent_of_peak,peak_rss_mb,train_loss,load_average,cpu,measured_utc,concurrent,cpu_kernels,nominal_peak_gflops"));
        Assert.That(path, Is.EqualTo(Path.Combine(dir, "perf", "train_throughput.csv")));
    }

    [Test]
    public void UpsertReplacesTheRowWithTheSameKeyAndKeepsTheOthersInOrder()
    {
        var path = TrainThroughputCsv.PathIn(dir);
        TrainThroughputCsv.Upsert(path, [Row("torchsharp", "a", 2, "c1", 1), Row("pytorch", "a", 2, "c1", 2), Row("torchsharp", "b", 2, "c1", 3)]);
        TrainThroughputCsv.Upsert(path, [Row("torchsharp", "a", 2, "c1", 10), Row("torchsharp", "a", 1, "c1", 20)]);

        var rows = TrainThroughputCsv.Read(path);
        Assert.That(rows.Select(r => (r.Engine, r.Model, r.Threads, r.ImagesPerSecond)), Is.EqualTo(new[]
        {
            ("pytorch", "a", 2, 2.0), ("torchsharp", "b", 2, 3.0), ("torchsharp", "a", 2, 10.0), ("torchsharp", "a", 1, 20.0),
        }));
        Assert.That(rows[0].Cpu, Is.EqualTo("cpu, with comma"));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "no temp file left behind");
    }

    [Test]
    public void ConcurrentAndPinnedMeasurementsAreTheirOwnRowsAndOlderFilesReadAsAloneAndNative()
    {
        var path = TrainThroughputCsv.PathIn(dir);
        const string pinned = "ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2";
        TrainThroughputCsv.Upsert(path, [Row("torchsharp", "a", 1, "c1", 1000), Row("torchsharp", "a", 1, "c1", 700) with { Concurrent = 2 },
            Row("torchsharp", "a", 1, "c1", 900) with { CpuKernels = pinned }]);
        Assert.That(TrainThroughputCsv.Read(path).Select(r => (r.Concurrent, r.CpuKernels, r.ImagesPerSecond)),
            Is.EqualTo(new[] { (1, "native", 1000.0), (2, "native", 700.0), (1, pinned, 900.0) }));

        // A file written before either column existed (its last two columns dropped).
        static string DropLast(string line) => line[..line.LastIndexOf(',')];
        File.WriteAllLines(path, File.ReadAllLines(path).Take(2).Select(l => DropLast(DropLast(l))));
        var old = TrainThroughputCsv.Read(path).Single();
        Assert.That((old.Concurrent, old.CpuKernels), Is.EqualTo((1, "native")));
    }

    [Test]
    public void ConcurrentRowsCombineIntoMedianRatesWithGflopsFollowingTheMedian()
    {
        TrainThroughputRow Measured(double rate, double min, double max, double eval) => Row("torchsharp", "m", 1, "c1", rate) with
        {
            ImagesPerSecondMin = min, ImagesPerSecondMax = max, EvalImagesPerSecond = eval, CpuMillisecondsPerImage = 1000 / rate,
            TrainMflopPerImage = 50, PeakGFlops = 100,
        };
        var row = TrainThroughputRow.Concurrently([Measured(800, 700, 900, 3000), Measured(1000, 950, 1100, 4000)]);
        Assert.That((row.ImagesPerSecond, row.ImagesPerSecondMin, row.ImagesPerSecondMax), Is.EqualTo((900.0, 700.0, 1100.0)));
        Assert.That(row.EvalImagesPerSecond, Is.EqualTo(3500));
        Assert.That(row.CpuMillisecondsPerImage, Is.EqualTo((1.25 + 1.0) / 2));
        Assert.That((row.AchievedGFlops, row.PercentOfPeak), Is.EqualTo((45.0, (double?)45.0)));
        Assert.That(row.Concurrent, Is.EqualTo(2));
    }

    [Test]
    public void RowDerivesGflopsAndPercentOfPeakFromTheMeasurement()
    {
        var measured = new TrainThroughput("torchsharp", "v", "m", 2, 64, 20, 10, [900, 1000, 1100], [5000], [1.5], 50e6, 800, 0.5);
        var nominal = new CpuPeak("cpu", 2, 2.5, "AVX2+FMA", 8);                 // 160 GFLOP/s at the 'cpu MHz' clock
        var peak = new FmaPeak(2, 200, 256, 200, null, 5);                        // 200 measured: the cores boost
        var row = TrainThroughputRow.From(measured, peak, nominal, 0.25, Provenance.Capture(dir));
        Assert.That(row.ImagesPerSecond, Is.EqualTo(1000));
        Assert.That((row.ImagesPerSecondMin, row.ImagesPerSecondMax), Is.EqualTo((900.0, 1100.0)));
        Assert.That(row.AchievedGFlops, Is.EqualTo(50));
        Assert.That(row.PercentOfPeak, Is.EqualTo(25.0), "of the measured peak, not the nominal one");
        Assert.That((row.PeakGFlops, row.NominalPeakGFlops), Is.EqualTo(((double?)200.0, (double?)160.0)));
        Assert.That(row.LoadAverage, Is.EqualTo(0.25));
    }

    [Test]
    public void PlanReusesOnlyMeasurementsOfThisTrainerCommitThreadsProcessesAndKernels()
    {
        var path = TrainThroughputCsv.PathIn(dir);
        TrainThroughputCsv.Upsert(path,
        [
            Row("torchsharp", "a", 1, "c1", 1000), Row("pytorch", "b", 1, "c1", 300), Row("torchsharp", "c", 2, "c1", 1500),
            Row("torchsharp", "d", 1, "c0", 900), Row("torchsharp", "e", 1, "c1", 700) with { Concurrent = 2 },
            Row("torchsharp", "f", 1, "c1", 800) with { CpuKernels = "ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2" },
        ]);
        if (KernelIsa.Describe() != KernelIsa.Native) Assert.Ignore("the rows above are of the native kernels; this process has them pinned");
        Assert.That(TrainThroughputCsv.Reusable(path, threads: 1, concurrent: 1, "c1").Keys, Is.EquivalentTo(new[] { "a" }));
        Assert.That(TrainThroughputCsv.Reusable(path, threads: 1, concurrent: 2, "c1").Keys, Is.EquivalentTo(new[] { "e" }));
    }
}
