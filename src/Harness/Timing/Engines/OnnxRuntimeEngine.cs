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

    /// <param name="device">"cpu", or "cuda" (the CUDA execution provider on GPU 0; see <see cref="IsAvailable"/>).</param>
    public OnnxRuntimeEngine(byte[] onnx, string device, int threads)
    {
        options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            EnableCpuMemArena = true,
            EnableMemoryPattern = true,
        };
        Settings = FormattableString.Invariant(
            $"{options.GraphOptimizationLevel}, sequential, intra-op {threads}, inter-op 1, CPU arena and memory pattern on, {(device == "cuda" ? CudaProvider : "CPUExecutionProvider")}");
        if (device == "cuda") options.AppendExecutionProvider_CUDA(0);
        session = new InferenceSession(onnx, options);
        classes = session.OutputMetadata[OnnxBuilder.OutputName].Dimensions[1];
    }

    /// <summary>Whether this ONNX Runtime build can run on <paramref name="device"/> (CUDA needs the GPU package's provider).</summary>
    public static bool IsAvailable(string device) =>
        device == "cpu" || OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider);

    public string Name => EngineName;

    public string Settings { get; }

    public void Load(ReadOnlySpan<float> images, int batchSize)
    {
        ReleaseBuffers();
        input = OrtValue.CreateTensorValueFromMemory(images.ToArray(), [batchSize, 1, 28, 28]);
        output = OrtValue.CreateTensorValueFromMemory(new float[batchSize * classes], [batchSize, classes]);
        binding = session.CreateIoBinding();
        binding.BindInput(OnnxBuilder.InputName, input);
        binding.BindOutput(OnnxBuilder.OutputName, output);
    }

    public void Run() =>
        session.RunWithBinding(runOptions, binding ?? throw new InvalidOperationException("Load a batch before Run"));

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
