using System.Runtime.Intrinsics.X86;

namespace FashionBench.Harness.Machine;

/// <summary>
/// What besides the configuration changes a CPU run's numbers, and so belongs to its identity (the run id's hash):
/// the intra-op thread count, the vector instruction set libtorch's and oneDNN's kernels actually run ("avx2" or
/// "avx512": a native run on an AVX2-only CPU computes what an avx2-pinned run computes anywhere), and the
/// convolutions, null for oneDNN's and "libtorch" where the kernel self-check switched those off. CUDA runs have none.
/// </summary>
public sealed record RunEnvironment(int Threads, string CpuKernels, string? Convolutions)
{
    public const string LibTorchConvolutions = "libtorch";

    /// <summary>This process's environment for a run on <paramref name="device"/>; null for CUDA.</summary>
    public static RunEnvironment? For(string device, int threads) =>
        device != "cpu" ? null : new(threads, EffectiveKernels(KernelIsa.Describe(), NativeKernels()), OneDnn.Enabled ? null : LibTorchConvolutions);

    /// <summary>
    /// The instruction set the kernels run: "avx2" under the pin, else <paramref name="native"/> (what the CPU
    /// offers). <paramref name="kernels"/> is <see cref="KernelIsa.Describe"/>'s text, as provenance records it.
    /// </summary>
    public static string EffectiveKernels(string? kernels, string native) =>
        kernels is null or KernelIsa.Native ? native : kernels.Contains("avx2", StringComparison.OrdinalIgnoreCase) ? "avx2" : kernels;

    /// <summary>What libtorch picks unpinned on this CPU: AVX-512 (F, BW, DQ, VL, as ATen requires), else AVX2.</summary>
    static string NativeKernels() =>
        Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported ? "avx512"
        : Avx2.IsSupported && Fma.IsSupported ? "avx2" : "default";
}
