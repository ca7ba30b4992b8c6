using FashionBench.Harness;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Harness.Timing.Engines;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Timing;

public class InferenceThroughputTests
{
    // Two repetitions of one batch each, no warm-up beyond one batch: checks records, not speed.
    static readonly InferenceThroughputSettings Tiny = new()
    {
        BatchSizes = [1, 4], Repetitions = 2, RepetitionSeconds = 0, WarmupSeconds = 0, Threads = 1,
    };

    [Test]
    public void MeasureGivesOneSaneRecordPerEngineAndBatchSize()
    {
        var spec = ModelCatalog.Find("tinyvgg/v2")!;
        manual_seed(1);
        using var module = TorchBuilder.Build(spec);
        var records = InferenceThroughput.Measure(spec, module, OnnxBuilder.ToBytes(spec, module), Tiny).Records;

        Assert.That(records.Select(r => (r.Engine, r.BatchSize)), Is.EqualTo(new[]
        {
            ("torchsharp-plain", 1), ("torchsharp-plain", 4), ("torchsharp", 1), ("torchsharp", 4), ("onnxruntime", 1), ("onnxruntime", 4),
        }));
        foreach (var r in records)
        {
            Assert.That(r.Model, Is.EqualTo("tinyvgg/v2"));
            Assert.That(r.Device, Is.EqualTo("cpu"));
            Assert.That(r.Threads, Is.EqualTo(1));
            Assert.That(r.ImagesPerSecond, Is.GreaterThan(0).And.Not.EqualTo(double.PositiveInfinity));
            Assert.That(r.P50Ms, Is.GreaterThan(0));
            Assert.That(r.P95Ms, Is.GreaterThanOrEqualTo(r.P50Ms));
            Assert.That(r.P99Ms, Is.GreaterThanOrEqualTo(r.P95Ms));
            Assert.That(r.ForwardMflops, Is.EqualTo(SpecCost.Of(spec).ForwardFlops / 1e6));
        }
    }

    [Test]
    public void EnginesCanBeChosen()
    {
        var spec = ModelCatalog.Find("fashion-cnn/logreg")!;
        manual_seed(1);
        using var module = TorchBuilder.Build(spec);
        var records = InferenceThroughput.Measure(spec, module, OnnxBuilder.ToBytes(spec, module),
            Tiny with { Engines = ["onnxruntime"], BatchSizes = [2] }).Records;
        Assert.That(records.Select(r => r.Engine), Is.EqualTo(new[] { "onnxruntime" }));
    }

    [Test]
    public void CudaWithoutAProviderOrGpuGivesANoticeSayingWhyInsteadOfRecords()
    {
        Assume.That(TorchSharpEngine.IsAvailable(new Device("cuda")), Is.False, "this machine can run TorchSharp on CUDA");
        var spec = ModelCatalog.Find("fashion-cnn/logreg")!;
        manual_seed(1);
        using var module = TorchBuilder.Build(spec);
        var onnx = OnnxBuilder.ToBytes(spec, module);
        using (var onGpu = OnnxRuntimeEngine.TryCreate(onnx, "cuda", 1, out var why))
        {
            Assume.That(onGpu, Is.Null, "this machine can run ONNX Runtime on CUDA");
            // The CPU package has no CUDA provider; the GPU package lists it on any machine, and it fails to load
            // where CUDA 13's libraries are missing, or to start without a GPU: each must say so, not throw.
            Assert.That(why, Does.Contain("CPU package").Or.Contain("CUDA provider does not load").Or.Contain("CUDA provider did not start"));
        }
        var notices = new List<string>();
        var (records, notTimed) = InferenceThroughput.Measure(spec, module, onnx, Tiny with { Device = "cuda" }, notices.Add);
        Assert.That(records, Is.Empty);
        Assert.That(notTimed.Select(n => (n.Engine, n.Device, n.BatchSize)), Is.EquivalentTo(
            InferenceThroughputSettings.KnownEngines.Select(e => (e, "cuda", (int?)null))), "each engine once, at no batch size");
        Assert.That(notTimed, Has.All.Property(nameof(InferenceNotTimed.Reason)).Not.Empty);
        Assert.That(notices, Is.EqualTo(notTimed.Select(n => n.Line)));
        Assert.That(notices, Has.Some.Contains("onnxruntime cannot run on cuda here (").And.Some.Contains("torchsharp cannot run on cuda here ("));
    }

    [Test]
    public void AnEngineComputingOtherLogitsIsNotTimed()
    {
        var spec = ModelCatalog.Find("fashion-cnn/logreg")!;
        manual_seed(1);
        using var module = TorchBuilder.Build(spec);
        manual_seed(2);
        using var other = TorchBuilder.Build(spec);   // the export of other weights: a wrong model, equally fast
        var notices = new List<string>();
        var (records, notTimed) = InferenceThroughput.Measure(spec, module, OnnxBuilder.ToBytes(spec, other), Tiny, notices.Add);
        Assert.That(records.Select(r => r.Engine).Distinct(), Is.EquivalentTo(new[] { "torchsharp", "torchsharp-plain" }));
        Assert.That(notTimed.Select(n => (n.Engine, n.BatchSize)), Is.EqualTo(Tiny.BatchSizes.Select(b => ("onnxruntime", (int?)b))),
            "recorded, batch size by batch size");
        Assert.That(notTimed, Has.All.Property(nameof(InferenceNotTimed.Reason)).StartsWith("its logits differ from the module's by "));
        Assert.That(notices, Is.EqualTo(notTimed.Select(n => n.Line)));
        Assert.That(notices, Has.All.StartsWith("fashion-cnn/logreg: onnxruntime on cpu at batch ").And.All.Contains(" not timed: its logits differ"));
    }

    [Test]
    public void ADivergedModuleIsTimedUncheckedAndSaysSo()
    {
        var spec = ModelCatalog.Find("fashion-cnn/logreg")!;
        manual_seed(1);
        using var module = TorchBuilder.Build(spec);
        using (no_grad())
            foreach (var parameter in module.parameters()) parameter.fill_(float.NaN);
        var notices = new List<string>();
        var records = InferenceThroughput.Measure(spec, module, OnnxBuilder.ToBytes(spec, module), Tiny, notices.Add).Records;
        Assert.That(records, Has.Count.EqualTo(InferenceThroughputSettings.KnownEngines.Count * Tiny.BatchSizes.Count),
            "speed does not depend on the values: every engine is timed");
        Assert.That(notices, Is.EqualTo(new[] { "fashion-cnn/logreg: the module's own logits are not all finite (diverged weights?), so the engines are timed without checking their logits" }));
    }

    [TestCase(0)]
    [TestCase(-64)]
    public void NonPositiveBatchSizeIsAUserErrorNamingTheOption(int size)
    {
        var error = Assert.Throws<UserError>(() => _ = (Tiny with { BatchSizes = [1, size] }).Validated());
        Assert.That(error!.Message, Does.StartWith("--batch-sizes: "));
    }

    [Test]
    public void UnknownEngineOrDeviceIsAUserErrorNamingTheOption()
    {
        Assert.That(Assert.Throws<UserError>(() => (Tiny with { Engines = ["tensorrt"] }).Validated())!.Message,
            Does.StartWith("--engines: ").And.Contains("tensorrt"));
        Assert.That(Assert.Throws<UserError>(() => (Tiny with { Device = "tpu" }).Validated())!.Message,
            Does.StartWith("--device: "));
    }

    [Test]
    public void BatchSizesParseFromACommaList()
    {
        Assert.That(InferenceThroughputSettings.ParseBatchSizes("1, 64,1024"), Is.EqualTo(new[] { 1, 64, 1024 }));
        Assert.That(Assert.Throws<UserError>(() => InferenceThroughputSettings.ParseBatchSizes("1,x"))!.Message,
            Does.StartWith("--batch-sizes: "));
    }

    [Test]
    public void CsvHasTheExactColumnsInOrderAndInvariantNumbers()
    {
        var dir = Directory.CreateTempSubdirectory("fashionbench-throughput-").FullName;
        try
        {
            var path = Path.Combine(dir, "throughput.csv");
            InferenceThroughputCsv.Write(path,
                [new InferenceThroughputRecord("se-cnn", "onnxruntime", "cpu", 64, 12345.5, 5.25, 6.5, 7.75, 16, 7.125, 301.5, "ORT_ENABLE_ALL, intra-op 16")],
                [new InferenceNotTimed { Model = "se-cnn", Engine = "torchsharp", Device = "cuda", Reason = "no GPU" },
                 new InferenceNotTimed { Model = "se-cnn", Engine = "onnxruntime", Device = "cpu", BatchSize = 1, Reason = "its logits differ" }]);
            Assert.That(File.ReadAllText(path), Is.EqualTo(
                "model,engine,device,batch_size,images_per_second,p50_ms,p95_ms,p99_ms,threads,forward_mflops,peak_gflops,settings,weights\n" +
                "se-cnn,onnxruntime,cpu,64,12345.5,5.25,6.5,7.75,16,7.125,301.5,\"ORT_ENABLE_ALL, intra-op 16\",trained\n"));
            Assert.That(InferenceNotTimed.PathBeside(path), Is.EqualTo(Path.Combine(dir, RunStore.ThroughputNotTimedTable)), "the name the report reads");
            Assert.That(File.ReadAllText(Path.Combine(dir, "throughput_not_timed.csv")), Is.EqualTo(
                "model,engine,device,batch_size,reason\n" +
                "se-cnn,torchsharp,cuda,,no GPU\n" +
                "se-cnn,onnxruntime,cpu,1,its logits differ\n"));
            Assert.That(InferenceThroughputCsv.ReadNotTimed(path).Select(n => n.BatchSize), Is.EqualTo(new int?[] { null, 1 }));
            // Files written before the measured peak and the p99 read back with neither.
            File.WriteAllText(path, "model,engine,device,batch_size,images_per_second,p50_ms,p95_ms,threads,forward_mflops\nm,torchsharp,cpu,1,10,1,2,2,3\n");
            var old = InferenceThroughputCsv.Read(path).Single();
            Assert.That((old.PeakGFlops, old.P99Ms), Is.EqualTo(((double?)null, (double?)null)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void TheSmokeProfileTimesBrieflyAndEveryOtherProfileFully()
    {
        var smoke = InferenceThroughputSettings.For(FashionBench.Harness.Runs.Profile.Get("smoke"));
        var documented = InferenceThroughputSettings.For(FashionBench.Harness.Runs.Profile.Get("documented"));
        Assert.That((smoke.RepetitionSeconds, smoke.WarmupSeconds), Is.EqualTo((0.05, 0.1)));
        Assert.That((documented.RepetitionSeconds, documented.WarmupSeconds), Is.EqualTo((0.2, 0.5)));
    }
}
