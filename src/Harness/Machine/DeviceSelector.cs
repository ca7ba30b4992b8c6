using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Machine;

/// <summary>Resolves --device cpu|cuda|auto to a torch device, failing clearly when CUDA is asked for but absent.</summary>
public static class DeviceSelector
{
    public static readonly string[] Names = ["cpu", "cuda", "auto"];

    public static Device Resolve(string name, Action<string> notice) => name switch
    {
        "cpu" => CPU,
        "cuda" => CudaAvailable() ? CUDA
            : throw new UserError("--device: cuda requested but no CUDA device is usable " +
                                  "(libtorch CPU build, no GPU, or FASHIONBENCH_LIBTORCH not pointing to a CUDA libtorch; see README)"),
        "auto" => CudaAvailable() ? CUDA : Notify(notice, "--device auto: no CUDA device is usable; running on cpu"),
        _ => throw new UserError($"--device: unknown device '{name}' (use cpu, cuda or auto)"),
    };

    static Device Notify(Action<string> notice, string message)
    {
        notice(message);
        return CPU;
    }

    static bool CudaAvailable() => TryInitializeDeviceType(DeviceType.CUDA) && cuda.is_available();

    /// <summary>The short name recorded in run ids and results.</summary>
    public static string NameOf(Device device) => device.type == DeviceType.CUDA ? "cuda" : "cpu";
}
