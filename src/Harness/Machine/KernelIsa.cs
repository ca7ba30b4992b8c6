using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>
/// Pins the vector instruction set of libtorch's and oneDNN's CPU kernels. Both pick their kernels by the CPU (AVX2,
/// AVX-512), and those kernels round differently, so the same seed gives bit-identical results on two machines only
/// when the kernels match: FASHIONBENCH_CPU_ISA=avx2 makes an AVX-512 machine compute exactly what an AVX2 machine
/// computes (the committed reference was trained on one). Both libraries read their switch once, at their first
/// kernel, so this runs before any tensor exists.
/// </summary>
public static class KernelIsa
{
    public const string Variable = "FASHIONBENCH_CPU_ISA";

    /// <summary>What <see cref="Describe"/> says when no kernel switch is set: each library picks by the CPU.</summary>
    public const string Native = "native";

    // The libraries' own switches: ATen's kernel dispatcher and oneDNN's ceiling (convolutions). Each alone changes
    // the results too; only both together match an AVX2 machine.
    const string Aten = "ATEN_CPU_CAPABILITY", OneDnn = "ONEDNN_MAX_CPU_ISA";

    /// <summary>Applies FASHIONBENCH_CPU_ISA (native, the default, or avx2); fails with one line on any other value.</summary>
    public static void ApplyFromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value) || value == Native) return;
        if (value != "avx2") throw new UserError($"{Variable}: unknown instruction set '{value}' (use native or avx2)");
        if (!OperatingSystem.IsLinux())
            throw new UserError($"{Variable}: supported on Linux only; elsewhere set {Aten}=avx2 and {OneDnn}=AVX2 before starting");
        Set(Aten, "avx2");
        Set(OneDnn, "AVX2");
    }

    /// <summary>For provenance: "native", or the switches in force, e.g. "ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2".</summary>
    public static string Describe()
    {
        var set = new[] { Aten, OneDnn }.Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(s => !string.IsNullOrEmpty(s.value)).Select(s => $"{s.name}={s.value}").ToList();
        return set.Count == 0 ? Native : string.Join(" ", set);
    }

    // The libraries read the C environment; .NET keeps a copy of its own, which is what child processes inherit.
    static void Set(string name, string value)
    {
        if (setenv(name, value, 1) != 0) throw new UserError($"{Variable}: could not set {name} (setenv failed)");
        Environment.SetEnvironmentVariable(name, value);
    }

    [DllImport("libc", EntryPoint = "setenv")]
    static extern int setenv(string name, string value, int overwrite);
}
