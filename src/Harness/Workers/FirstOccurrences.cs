namespace FashionBench.Harness.Workers;

/// <summary>
/// Which lines have been seen: for relaying workers' stderr once per distinct line. Every worker process starts
/// libtorch alike, so its start-up warnings (NNPACK's "Could not initialize NNPACK! Reason: Unsupported hardware." on
/// a CPU whose caches CPUID does not report) come from each of them, and twenty copies bury the lines that matter; a
/// failed worker's own last line is still kept by its <see cref="IWorker.LastError"/>. Safe to call from the threads
/// that read the workers' output.
/// </summary>
public sealed class FirstOccurrences
{
    readonly HashSet<string> seen = [];

    /// <summary>True the first time <paramref name="line"/> is given, false after.</summary>
    public bool IsFirst(string line)
    {
        lock (seen) return seen.Add(line);
    }
}
