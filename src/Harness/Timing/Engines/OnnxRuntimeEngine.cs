using FashionBench.Harness.Machine;
using FashionBench.Models.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace FashionBench.Harness.Timing.Engines;

/// <summary>
/// ONNX Runtime inference with all graph optimisations and <c>threads</c> intra-op threads. Input and output live in
/// pinned managed buffers bound once per batch size (IoBinding), so a timed <see cref="Run"/> allocates nothing.
/// </summary>
public sealed class OnnxRuntimeEngine : IInferenceEngine
{
    public const string EngineName = "onnxruntime";
    const string CudaProvider = "CUDAExecutionProvider";

    readonly SessionOptions options;
    readonly InferenceSession session;
    readonly RunOptions runOptions = new();
    readonly long classes;   // logits per image
    OrtIoBinding? binding;
    OrtValue? input, output;   // over pinned float[B·784] and float[B·classes]
    float[] logits = [];       // output's memory

    OnnxRuntimeEngine(SessionOptions options, InferenceSession session, string settings)
    {
        this.options = options;
        this.session = session;
        Settings = settings;
        classes = session.OutputMetadata[OnnxBuilder.OutputName].Dimensions[1];
    }

    /// <summary>
    /// The engine on <paramref name="device"/>: "cpu", or "cuda" (the CUDA execution provider on GPU 0). Null, with
    /// why in <paramref name="unusableBecause"/>, where this build cannot run there: the CPU package has no CUDA
    /// provider, and the GPU package lists its provider even where the provider cannot start (CUDA 13's libraries
    /// missing, or no GPU), which only creating a session on it shows.
    /// </summary>
    public static OnnxRuntimeEngine? TryCreate(byte[] onnx, string device, int threads, out string? unusableBecause)
    {
        unusableBecause = device == "cuda" ? CudaUnusableBecause.Value : null;
        if (unusableBecause is not null) return null;
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            EnableCpuMemArena = true,
            EnableMemoryPattern = true,
        };
        var settings = FormattableString.Invariant(
            $"{options.GraphOptimizationLevel}, sequential, intra-op {threads}, inter-op 1, CPU arena and memory pattern on, {(device == "cuda" ? CudaProvider : "CPUExecutionProvider")}");
        try
        {
            if (device == "cuda") options.AppendExecutionProvider_CUDA(0);
            return new OnnxRuntimeEngine(options, new InferenceSession(onnx, options), settings);
        }
        catch (OnnxRuntimeException e) when (device == "cuda")
        {
            options.Dispose();
            unusableBecause = $"its CUDA provider did not start: {e.Message.Split('\n')[0].Trim()}";
            return null;
        }
    }

    // The CPU package has no CUDA provider. The GPU package lists it on any machine, and where its library cannot load
    // (CUDA 13's libraries missing) ONNX Runtime says only "Failed to load shared library" and logs the cause. Loading
    // it first, as ONNX Runtime does (its provider bridge with global symbols, then the provider), names the missing
    // library in one line; what loads stays loaded for ONNX Runtime. Null where the provider loads.
    static readonly Lazy<string?> CudaUnusableBecause = new(() =>
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider))
            return "this is ONNX Runtime's CPU package, without the CUDA provider (build with -p:OnnxRuntimeBackend=cuda)";
        if (!OperatingSystem.IsLinux() || DynamicLinker.Mapped("libonnxruntime.so") is not var (runtime, _)) return null;   // left to ONNX Runtime's own error
        foreach (var (library, flags) in new[] { ("libonnxruntime_providers_shared.so", DynamicLinker.Global), ("libonnxruntime_providers_cuda.so", 0) })
        {
            var (handle, error) = DynamicLinker.Open(Path.Combine(Path.GetDirectoryName(runtime)!, library), DynamicLinker.Now | flags);
            if (handle == IntPtr.Zero) return $"its CUDA provider does not load ({library}: {error})";
        }
        return null;
    });

    public string Name => EngineName;

    public string Settings { get; }

    public void Load(ReadOnlySpan<float> images, int batchSize)
    {
        ReleaseBuffers();
        input = OrtValue.CreateTensorValueFromMemory(images.ToArray(), [batchSize, 1, 28, 28]);
        logits = new float[batchSize * classes];
        output = OrtValue.CreateTensorValueFromMemory(logits, [batchSize, classes]);
        binding = session.CreateIoBinding();
        binding.BindInput(OnnxBuilder.InputName, input);
        binding.BindOutput(OnnxBuilder.OutputName, output);
    }

    public void Run() =>
        session.RunWithBinding(runOptions, binding ?? throw new InvalidOperationException("Load a batch before Run"));

    public float[] Logits()
    {
        Run();
        return logits.ToArray();   // bound output memory: on the CPU on every device
    }

    void ReleaseBuffers()
    {
        binding?.Dispose();
        input?.Dispose();
        output?.Dispose();
    }

    public void Dispose()
    {
        ReleaseBuffers();
        runOptions.Dispose();
        session.Dispose();
        options.Dispose();
    }
}
