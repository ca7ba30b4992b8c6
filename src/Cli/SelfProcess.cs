using System.Diagnostics;
using System.Reflection;

namespace FashionBench.Cli;

/// <summary>Another `fashionbench` process (the same build: apphost, `dotnet fashionbench.dll` or a single-file publish).</summary>
public static class SelfProcess
{
    /// <summary>Starts this executable with <paramref name="arguments"/>, output redirected for the caller to read.</summary>
    public static Process Start(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Under `dotnet fashionbench.dll` the process is the dotnet host; the entry assembly is the program to run.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet" && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry)
            info.ArgumentList.Add(entry);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {host}");
    }
}
