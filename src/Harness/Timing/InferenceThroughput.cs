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
    /// Times every engine of <paramref name="settings"/> at every batch size on synthetic images. An engine that cannot
    /// run on the device here (CUDA without a provider or GPU) produces no records and one line, saying why, to
    /// <paramref name="notice"/>.
    /// </summary>
    /// <param name="module">Built from <paramref name="spec"/>; the TorchSharp engine puts it in eval mode on the device.</param>
    /// <param name="onnx">The exported model of <paramref name="module"/>.</param>
    public static IReadOnlyList<InferenceThroughputRecord> Measure(ModelSpec spec, SpecModule module, byte[] onnx,
        InferenceThroughputSettings settings, Action<string>? notice = null)
    {
        settings = settings.Validated();
        var forwardMflops = SpecCost.Of(spec).ForwardFlops / 1e6;
        var images = SyntheticImages(settings.BatchSizes.Max());
        var records = new List<InferenceThroughputRecord>();
        // Measured before the engines are timed, on the threads they get: the ceiling their % of peak is taken against.
        double? peak = settings.Device == "cpu" ? FmaPeak.For(settings.Threads).GFlops : null;
        foreach (var engineName in settings.Engines)
        {
            using var engine = CreateEngine(engineName, spec, module, onnx, settings.Device, settings.Threads, out var unusableBecause);
            if (engine is null)
            {
                notice?.Invoke($"{engineName} cannot run on {settings.Device} here ({unusableBecause}); no {engineName} records");
                continue;
            }
            foreach (var batchSize in settings.BatchSizes)
            {
                engine.Load(images.AsSpan(0, batchSize * 784), batchSize);
                var (imagesPerSecond, p50, p95, p99) = InferenceThroughputTimer.Time(engine, batchSize, settings);
                records.Add(new InferenceThroughputRecord(spec.Id, engineName, settings.Device, batchSize,
                    imagesPerSecond, p50, p95, p99, settings.Threads, forwardMflops, peak, engine.Settings));
            }
        }
        return records;
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

    // [maxBatch, 1, 28, 28] uniform in [-1, 1), fixed seed: the values do not change the work done.
    static float[] SyntheticImages(int maxBatch)
    {
        var random = new Random(0);
        var images = new float[maxBatch * 784];
        for (var i = 0; i < images.Length; i++) images[i] = random.NextSingle() * 2 - 1;
        return images;
    }
}
