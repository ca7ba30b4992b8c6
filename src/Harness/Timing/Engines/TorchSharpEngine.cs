using FashionBench.Models.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Timing.Engines;

/// <summary>
/// TorchSharp inference: the module in eval mode on <paramref name="device"/>, each batch under inference mode (no
/// autograd, no version counters) with its intermediates freed by a dispose scope. Moves the module to the device.
/// </summary>
public sealed class TorchSharpEngine : IInferenceEngine
{
    public const string EngineName = "torchsharp";

    readonly SpecModule module;
    readonly Device device;
    Tensor? input;   // [B, 1, 28, 28] on the device

    public TorchSharpEngine(SpecModule module, Device device, int threads)
    {
        set_num_threads(threads);
        this.module = module;
        this.device = device;
        module.to(device);
        module.eval();
    }

    /// <summary>Whether TorchSharp can run on <paramref name="device"/> here (CUDA needs a CUDA libtorch and a GPU).</summary>
    public static bool IsAvailable(Device device) => device.type == DeviceType.CPU || cuda.is_available();

    public string Name => EngineName;

    public void Load(ReadOnlySpan<float> images, int batchSize)
    {
        input?.Dispose();
        input = tensor(images.ToArray(), [batchSize, 1, 28, 28], device: device);
    }

    public void Run()
    {
        var batch = input ?? throw new InvalidOperationException("Load a batch before Run");
        using var inference = inference_mode();
        using var scope = NewDisposeScope();
        module.forward(batch);
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }

    public void Dispose() => input?.Dispose();
}
