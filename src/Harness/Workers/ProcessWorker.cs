using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FashionBench.Harness.Workers;

/// <summary>
/// A worker that is a child process started with its output redirected: each stdout line goes to a callback as it
/// comes, stderr lines to another (or nowhere), and the last stderr line is kept as the reason for a failure.
/// </summary>
public sealed class ProcessWorker : IWorker
{
    readonly Process process;

    ProcessWorker(Process process) => this.process = process;

    public Task Exited { get; private set; } = Task.CompletedTask;
    public int ExitCode => process.ExitCode;
    public string? LastError { get; private set; }

    /// <param name="errorLine">Where stderr lines go; null keeps only the last one, for <see cref="LastError"/>.</param>
    public static ProcessWorker Attach(Process process, Action<string> outputLine, Action<string>? errorLine = null)
    {
        var worker = new ProcessWorker(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) outputLine(line); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line) return;
            worker.LastError = line;
            errorLine?.Invoke(line);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        worker.Exited = process.WaitForExitAsync();                      // completes once the output is read to the end, too
        return worker;
    }

    /// <summary>
    /// Stops the process with SIGTERM, which a worker takes as Ctrl+C (it exits 130; its run resumes from its last epoch
    /// checkpoint). Not SIGINT: a process started in the background by a shell ignores that, and so do its children.
    /// </summary>
    public void Interrupt()
    {
        if (process.HasExited) return;
        if (OperatingSystem.IsWindows()) process.Kill();                  // no console signal for one child; it resumes from its checkpoint
        else _ = kill(process.Id, SigTerm);
    }

    public void Dispose() => process.Dispose();

    const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
