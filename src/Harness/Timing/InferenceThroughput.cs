using FashionBench.Harness.Machine;
using FashionBench.Harness.Timing.Engines;
using FashionBench.Harness.Training;
using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Harness.Timing;

/// <summary>Inference throughput of one model in TorchSharp and ONNX Runtime, batch size by batch size.</summary>
public static class InferenceThroughput
{
    /// <summary>
    /// Times every engine of <paramref name="settings"/> at every batch size on synthetic images, each once its logits
    /// are checked against the module's (<see cref="LogitTolerance"/>). An engine that cannot run on the device here
    /// (CUDA without a provider or GPU), or that computes other logits, is not timed: it is returned as such, and its
    /// line goes to <paramref name="notice"/>.
    /// </summary>
    /// <param name="module">Built from <paramref name="spec"/>; the TorchSharp engine puts it in eval mode on the device.</param>
    /// <param name="onnx">The exported model of <paramref name="module"/>.</param>
    public static InferenceMeasurement Measure(ModelSpec spec, SpecModule module, byte[] onnx,
        InferenceThroughputSettings settings, Action<string>? notice = null)
    {
        settings = settings.Validated();
        var forwardMflops = SpecCost.Of(spec).ForwardFlops / 1e6;
        var images = SyntheticImages(settings.BatchSizes.Max());
        var records = new List<InferenceThroughputRecord>();
        var notTimed = new List<InferenceNotTimed>();
        void NotTimed(string engine, int? batchSize, string reason)
        {
            var skipped = new InferenceNotTimed { Model = spec.Id, Engine = engine, Device = settings.Device, BatchSize = batchSize, Reason = reason };
            notTimed.Add(skipped);
            notice?.Invoke(skipped.Line);
        }
        // Measured before the engines are timed, on the threads they get: the ceiling their % of peak is taken against.
        double? peak = settings.Device == "cpu" ? FmaPeak.For(settings.Threads).GFlops : null;
        // What every engine must compute before it is timed: an engine that is fast because it computes something
        // else (a wrong kernel, fold or export) gives no record.
        var reference = ModuleLogits(module, images);
        var classes = reference.Length / (images.Length / 784);
        var checkable = reference.All(float.IsFinite);
        if (!checkable)
            notice?.Invoke($"{spec.Id}: the module's own logits are not all finite (diverged weights?), so the engines are timed without checking their logits");
        foreach (var engineName in settings.Engines)
        {
            using var engine = CreateEngine(engineName, spec, module, onnx, settings.Device, settings.Threads, out var unusableBecause);
            if (engine is null)
            {
                NotTimed(engineName, null, unusableBecause ?? "unknown");
                continue;
            }
            foreach (var batchSize in settings.BatchSizes)
            {
                engine.Load(images.AsSpan(0, batchSize * 784), batchSize);
                var gap = checkable ? LogitGap(engine.Logits(), reference.AsSpan(0, classes * batchSize)) : 0;
                if (!(gap <= LogitTolerance))   // NaN too
                {
                    NotTimed(engineName, batchSize, FormattableString.Invariant(
                        $"its logits differ from the module's by {gap:G2} of their scale (more than {LogitTolerance:G1})"));
                    continue;
                }
                var (imagesPerSecond, p50, p95, p99) = InferenceThroughputTimer.Time(engine, batchSize, settings);
                records.Add(new InferenceThroughputRecord(spec.Id, engineName, settings.Device, batchSize,
                    imagesPerSecond, p50, p95, p99, settings.Threads, forwardMflops, peak, engine.Settings));
            }
        }
        return new InferenceMeasurement(records, notTimed);
    }

    /// <summary>
    /// An engine by name on <paramref name="device"/>, set up the one way both `fashionbench bench` and the
    /// BenchmarkDotNet suite time it: <paramref name="threads"/> intra-op threads, and glibc keeping freed memory
    /// process-wide (<see cref="NativeHeap"/>), without which every batch's fresh activations page-fault, so that a
    /// process that trained or evaluated first (which sets it) and one that did not would time the same engine apart.
    /// Null, with why in <paramref name="unusableBecause"/>, when the engine cannot run on the device here.
    /// </summary>
    public static IInferenceEngine? CreateEngine(string engine, ModelSpec spec, SpecModule module, byte[] onnx, string device, int threads,
        out string? unusableBecause)
    {
        NativeHeap.KeepFreedMemory();
        var torchDevice = new TorchSharp.torch.Device(device);
        unusableBecause = null;
        switch (engine)
        {
            case TorchSharpEngine.EngineName or TorchSharpEngine.PlainName:
                if (TorchSharpEngine.IsAvailable(torchDevice))
                    return new TorchSharpEngine(spec, module, torchDevice, threads, tuned: engine == TorchSharpEngine.EngineName);
                unusableBecause = "this libtorch has no usable CUDA device: a CPU build, or no GPU";
                return null;
            case OnnxRuntimeEngine.EngineName:
                return OnnxRuntimeEngine.TryCreate(onnx, device, threads, out unusableBecause);
            default:
                unusableBecause = $"no engine is named '{engine}'";
                return null;
        }
    }

    /// <summary>
    /// How far an engine's logits may lie from the module's, as a fraction of the largest module logit (at least 1):
    /// far above the 1e-6 of reordered float32 sums and the 1e-3 of a GPU's TF32 convolutions, far below a wrong model's.
    /// </summary>
    public const double LogitTolerance = 1e-2;

    // The module's logits for all the images ([N·classes]), in eval mode on its own device.
    static float[] ModuleLogits(SpecModule module, float[] images)
    {
        module.eval();
        using var inference = TorchSharp.torch.inference_mode();
        using var scope = TorchSharp.torch.NewDisposeScope();
        var device = module.parameters().FirstOrDefault()?.device ?? TorchSharp.torch.CPU;
        var batch = TorchSharp.torch.tensor(images, [images.Length / 784, 1, 28, 28], device: device);
        return module.forward(batch).cpu().contiguous().data<float>().ToArray();
    }

    // max |actual − expected| over the expected's largest magnitude (at least 1); infinite where the counts differ.
    static double LogitGap(float[] actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length) return double.PositiveInfinity;
        double gap = 0, scale = 1;
        for (var i = 0; i < actual.Length; i++)
        {
            gap = Math.Max(gap, Math.Abs(actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        return gap / scale;
    }

    // [maxBatch, 1, 28, 28] uniform in [-1, 1), fixed seed: the values do not change the work done.
    static float[] SyntheticImages(int maxBatch)
    {
        var random = new Random(0);
        var images = new float[maxBatch * 784];
        for (var i = 0; i < images.Length; i++) images[i] = random.NextSingle() * 2 - 1;
        return images;
    }
}
