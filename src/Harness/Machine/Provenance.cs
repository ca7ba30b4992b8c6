using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>
/// Where and with what a result was produced: machine, software versions, source revision, command.
/// <see cref="CpuKernels"/> is "native" or the instruction-set pin in force (<see cref="KernelIsa"/>); null in files
/// written before it was recorded. <see cref="KernelSelfCheck"/> is the kernel self-check's summary (which
/// convolutions were used, and why); null in files written before the check existed.
/// </summary>
public sealed record Provenance(
    string Host, string Os, string Cpu, int LogicalCores, string? Gpu,
    string DotNet, string TorchSharp, string LibTorch, string OnnxRuntime,
    string GitCommit, bool GitDirty, string CommandLine, DateTimeOffset Created, string? CpuKernels = null,
    string? KernelSelfCheck = null)
{
    public static Provenance Capture(string repoRoot, string? gpu = null) => new(
        Environment.MachineName,
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        gpu,
        RuntimeInformation.FrameworkDescription,
        VersionOf(typeof(global::TorchSharp.torch).Assembly),
        global::TorchSharp.torch.__version__,
        VersionOf(typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly),
        Git(repoRoot, "rev-parse HEAD") ?? "unknown",
        (Git(repoRoot, "status --porcelain --untracked-files=no") ?? "").Length > 0,
        Environment.CommandLine,
        DateTimeOffset.UtcNow,
        KernelIsa.Describe(),
        Machine.KernelCheck.Current?.Summary);

    static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The CPU as <see cref="CpuPeak"/> describes it (family, vector ISA), else /proc/cpuinfo's model name.</summary>
    public static string CpuModel()
    {
        if (CpuPeak.Detect(1) is { } described) return described.Description;
        const string cpuinfo = "/proc/cpuinfo";
        if (File.Exists(cpuinfo))
            foreach (var line in File.ReadLines(cpuinfo))
                if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':') + 1)..].Trim();
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    static string? Git(string repoRoot, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true,
            });
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }   // git not installed
    }
}
