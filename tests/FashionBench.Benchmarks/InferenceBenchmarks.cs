using BenchmarkDotNet.Attributes;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Timing;
using FashionBench.Harness.Timing.Engines;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using static TorchSharp.torch;

namespace FashionBench.Benchmarks;

/// <summary>
/// One inference batch of a catalogue model on the CPU through the very engines `fashionbench bench` times, created by
/// the same factory (<see cref="InferenceThroughput.CreateEngine"/>: all logical cores, glibc keeping freed memory,
/// buffers reused across batches): TorchSharp plain and tuned, and ONNX Runtime. Weights are untrained: speed does not
/// depend on their values.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    // The smallest (7 k parameters), the main FashionCNN (1.7 M, 18 MFLOP) and the residual SE network.
    [Params("mnist-8k/model1", "fashion-cnn/aug-dropout", "se-resnet")]
    public string Model { get; set; } = "";

    [Params(1, 64, 1024)]
    public int BatchSize { get; set; }

    [ParamsSource(nameof(Engines))]
    public string Engine { get; set; } = "";

    public static IEnumerable<string> Engines => InferenceThroughputSettings.KnownEngines;

    IInferenceEngine? engine;

    [GlobalSetup]
    public void SetUp()
    {
        var spec = ModelCatalog.Find(Model) ?? throw new ArgumentException($"unknown model '{Model}'");
        set_num_threads(Environment.ProcessorCount);
        KernelCheck.Ensure(message => Console.Error.WriteLine($"notice: {message}"));   // as `fashionbench bench` does
        manual_seed(0);
        var module = TorchBuilder.Build(spec);
        engine = InferenceThroughput.CreateEngine(Engine, spec, module, OnnxBuilder.ToBytes(spec, module), "cpu", Environment.ProcessorCount,
                     out var unusableBecause)
                 ?? throw new InvalidOperationException($"{Engine} cannot run on the CPU here: {unusableBecause}");
        var random = new Random(0);
        var images = new float[BatchSize * 784];   // [B, 1, 28, 28]
        for (var i = 0; i < images.Length; i++) images[i] = random.NextSingle() * 2 - 1;
        engine.Load(images, BatchSize);
    }

    /// <summary>One batch of <see cref="BatchSize"/> images through <see cref="Engine"/>.</summary>
    [Benchmark]
    public void Inference() => engine!.Run();

    [GlobalCleanup]
    public void CleanUp() => engine?.Dispose();
}
