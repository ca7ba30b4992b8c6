using BenchmarkDotNet.Attributes;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Timing.Engines;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using static TorchSharp.torch;

namespace FashionBench.Benchmarks;

/// <summary>
/// One inference batch of a catalogue model on the CPU, in TorchSharp and in ONNX Runtime, through the same engines
/// `fashionbench bench` times (all logical cores, buffers reused across batches). Weights are untrained: speed does
/// not depend on their values.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    // The smallest (7 k parameters), the main FashionCNN (1.7 M, 18 MFLOP) and the residual SE network.
    [Params("mnist-8k/model1", "fashion-cnn/aug-dropout", "se-resnet")]
    public string Model { get; set; } = "";

    [Params(1, 64, 1024)]
    public int BatchSize { get; set; }

    IInferenceEngine? engine;

    [GlobalSetup(Target = nameof(TorchSharp))]
    public void SetUpTorchSharp() => Load(new TorchSharpEngine(BuildModule(out _), CPU, Environment.ProcessorCount));

    [GlobalSetup(Target = nameof(OnnxRuntime))]
    public void SetUpOnnxRuntime()
    {
        using var module = BuildModule(out var spec);
        Load(new OnnxRuntimeEngine(OnnxBuilder.ToBytes(spec, module), "cpu", Environment.ProcessorCount));
    }

    /// <summary>One batch of <see cref="BatchSize"/> images through TorchSharp (eval, inference mode).</summary>
    [Benchmark]
    public void TorchSharp() => engine!.Run();

    /// <summary>One batch of <see cref="BatchSize"/> images through ONNX Runtime (CPU provider, all optimisations).</summary>
    [Benchmark]
    public void OnnxRuntime() => engine!.Run();

    [GlobalCleanup]
    public void CleanUp() => engine?.Dispose();

    SpecModule BuildModule(out ModelSpec spec)
    {
        spec = ModelCatalog.Find(Model) ?? throw new ArgumentException($"unknown model '{Model}'");
        set_num_threads(Environment.ProcessorCount);
        KernelCheck.Ensure(message => Console.Error.WriteLine($"notice: {message}"));   // as `fashionbench bench` does
        manual_seed(0);
        return TorchBuilder.Build(spec);
    }

    void Load(IInferenceEngine created)
    {
        var random = new Random(0);
        var images = new float[BatchSize * 784];   // [B, 1, 28, 28]
        for (var i = 0; i < images.Length; i++) images[i] = random.NextSingle() * 2 - 1;
        created.Load(images, BatchSize);
        engine = created;
    }
}
