using System.Runtime.InteropServices;

namespace FashionBench.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (`kill`, a CI runner's timeout) both stop a training verb the same way: the token is
/// cancelled, the run in progress ends at its next batch and resumes from its last epoch checkpoint, and the process
/// exits 130 instead of being killed mid-write. SIGTERM matters because a shell starts background commands with SIGINT
/// ignored (`nohup … &`, a script's `&`), and children inherit that; SIGTERM cannot be ignored that way, so it is also
/// what a parent sends its workers.
/// </summary>
public sealed class Interruption : IDisposable
{
    readonly CancellationTokenSource stop;
    readonly PosixSignalRegistration sigint, sigterm;

    public Interruption(CancellationToken cancel)
    {
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    }

    public CancellationToken Token => stop.Token;

    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;                                              // not the default: end the process
        stop.Cancel();
    }

    public void Dispose()
    {
        sigint.Dispose();
        sigterm.Dispose();
        stop.Dispose();
    }
}
