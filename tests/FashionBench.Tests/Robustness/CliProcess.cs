using System.Diagnostics;

namespace FashionBench.Tests.Robustness;

/// <summary>Starts the real `fashionbench` binary (built beside the tests) as a child process.</summary>
static class CliProcess
{
    public static Process Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <param name="environment">Variables set in the child's environment (e.g. FASHIONBENCH_CPU_ISA).</param>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fashionbench.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info)!;
    }

    /// <summary>Runs to completion; returns exit code and stderr.</summary>
    public static (int Exit, string Err) Run(params string[] args) => Run(new Dictionary<string, string>(), args);

    public static (int Exit, string Err) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }

    /// <summary>The local dataset mirror (../shared/datasets beside the repo), or null when absent.</summary>
    public static string? Mirror()
    {
        var env = Environment.GetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR");
        if (!string.IsNullOrEmpty(env)) return env;
        var shared = Path.GetFullPath(Path.Combine(FashionBench.Harness.RepoRoot.Find(), "..", "shared", "datasets"));
        return Directory.Exists(shared) ? shared : null;
    }
}
