using FashionBench.Harness.Timing;
using FashionBench.Harness.Timing.Engines;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Cuda;

/// <summary>
/// ONNX Runtime's CUDA execution provider (Microsoft.ML.OnnxRuntime.Gpu.Linux or .Gpu.Windows, built with
/// -p:OnnxRuntimeBackend=cuda). Skipped, with the reason, where the provider cannot load or start; it needs no CUDA
/// libtorch.
/// </summary>
[Category("Cuda")]
public class OnnxRuntimeCudaTests
{
    static readonly float[] Images = Enumerable.Range(0, 64 * 784).Select(i => (i % 89) / 89f - 0.5f).ToArray();

    byte[] onnx = [];
    ModelSpec spec = null!;

    [SetUp]
    public void RequireTheCudaProvider()
    {
        spec = ModelCatalog.Find("mnist-8k/model1")!;
        manual_seed(3);
        using var module = TorchBuilder.Build(spec);
        onnx = OnnxBuilder.ToBytes(spec, module);
        using var probe = OnnxRuntimeEngine.TryCreate(onnx, "cuda", 1, out var unusableBecause);
        if (probe is null) Assert.Ignore($"ONNX Runtime cannot run on CUDA here: {unusableBecause}");
    }

    [Test]
    public void TheGpuGivesTheCpuLogits()
    {
        using var onCpu = OnnxRuntimeEngine.TryCreate(onnx, "cpu", 1, out _)!;
        using var onGpu = OnnxRuntimeEngine.TryCreate(onnx, "cuda", 1, out _)!;
        Assert.That(onGpu.Settings, Does.Contain("CUDAExecutionProvider"));
        onCpu.Load(Images, 64);
        onGpu.Load(Images, 64);
        var expected = onCpu.Logits();
        var actual = onGpu.Logits();
        // cuDNN may run FP32 convolutions in TF32 (about 1e-3 relative), so the bound is loose but far below a wrong model's.
        Assert.That(actual.Zip(expected, (a, e) => Math.Abs(a - e)).Max(), Is.LessThan(0.05 * expected.Max(Math.Abs)));
        Assert.That(actual.Any(float.IsNaN), Is.False);
    }

    [Test]
    public void ThroughputIsMeasuredOnTheGpu()
    {
        manual_seed(3);
        using var module = TorchBuilder.Build(spec);
        var settings = new InferenceThroughputSettings
        {
            BatchSizes = [1, 64], Repetitions = 2, RepetitionSeconds = 0.01, WarmupSeconds = 0.01, Device = "cuda",
            Engines = [OnnxRuntimeEngine.EngineName],
        }.Validated();
        var records = InferenceThroughput.Measure(spec, module, onnx, settings).Records;
        Assert.That(records.Select(r => (r.Device, r.BatchSize)), Is.EqualTo(new[] { ("cuda", 1), ("cuda", 64) }));
        Assert.That(records.Select(r => r.ImagesPerSecond), Is.All.GreaterThan(0));
        Assert.That(records.Select(r => r.Settings), Is.All.Contains("CUDAExecutionProvider"));   // and its logits were checked
    }
}
