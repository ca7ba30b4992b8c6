using System.Runtime.Intrinsics.X86;
using System.Text;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The CPU's vendor as CPUID leaf 0 names it ("AuthenticAMD", "GenuineIntel"): how far the exact check reaches.
/// libtorch's dense layers run in oneMKL, which chooses its kernels by vendor (on AMD its generic code path whatever the
/// pin; on Intel one per instruction set), and the kernel pin (<see cref="KernelIsa"/>) reaches ATen and oneDNN only.
/// So pinned runs agree bit for bit across AMD families (Zen 3 and Zen 4: verified), but not in general across vendors.
/// </summary>
public static class CpuVendor
{
    public const string Amd = "AuthenticAMD", Intel = "GenuineIntel";

    /// <summary>This machine's vendor; null off x86.</summary>
    public static string? Current { get; } = X86Base.IsSupported ? FromCpuId() : null;

    /// <summary>The vendor of a CPU as provenance describes it (its model name: "AMD EPYC …", "Intel(R) Xeon(R) …"); null when it names none.</summary>
    public static string? Of(string cpu) =>
        cpu.StartsWith("AMD", StringComparison.Ordinal) ? Amd : cpu.StartsWith("Intel", StringComparison.Ordinal) ? Intel : null;

    static string FromCpuId()
    {
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        return Encoding.ASCII.GetString([.. BitConverter.GetBytes(ebx), .. BitConverter.GetBytes(edx), .. BitConverter.GetBytes(ecx)]);
    }
}
