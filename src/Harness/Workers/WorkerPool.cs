namespace FashionBench.Harness.Workers;

/// <summary>A job running elsewhere (a worker process): when and how it ended, and how to stop it as Ctrl+C would.</summary>
public interface IWorker : IDisposable
{
    /// <summary>Completes when the worker has exited and its output has been read to the end.</summary>
    Task Exited { get; }
    int ExitCode { get; }
    /// <summary>The last line the worker wrote to stderr, if any: the reason a failed worker gives.</summary>
    string? LastError { get; }
    void Interrupt();
}

/// <summary>A job whose worker exited with neither success nor an interruption.</summary>
public sealed record WorkerFailure<TJob>(TJob Job, int ExitCode, string? LastError);

/// <summary>How a pool ended: the jobs that succeeded (in the order they finished), those that failed, whether any was interrupted, and how many never started.</summary>
public sealed record WorkerPoolOutcome<TJob>(IReadOnlyList<TJob> Succeeded, IReadOnlyList<WorkerFailure<TJob>> Failed, bool Interrupted, int NotStarted);

/// <summary>
/// Runs jobs on at most N workers at once, in the order given, each free slot taking the next job when its worker ends.
/// After the first failure or a stop no more jobs start; a stop interrupts the running workers (they exit
/// <see cref="InterruptedExit"/> and resume later), and every started worker is waited for, so none outlives the pool.
/// </summary>
public static class WorkerPool
{
    /// <summary>The exit code of an interrupted worker (SIGINT or SIGTERM).</summary>
    public const int InterruptedExit = 130;

    /// <param name="start">Starts the job's worker; its second argument is the job's 1-based start ordinal.</param>
    public static WorkerPoolOutcome<TJob> Run<TJob>(IEnumerable<TJob> jobs, int slots, Func<TJob, int, IWorker> start, CancellationToken stop)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var pending = new Queue<TJob>(jobs);
        var running = new Dictionary<Task, (TJob Job, IWorker Worker)>();
        var (succeeded, failed, interrupted, started) = (new List<TJob>(), new List<WorkerFailure<TJob>>(), false, 0);
        using var forward = stop.Register(() => { lock (running) foreach (var (_, worker) in running.Values) worker.Interrupt(); });
        while (true)
        {
            lock (running)
                while (!stop.IsCancellationRequested && failed.Count == 0 && running.Count < slots && pending.TryDequeue(out var next))
                {
                    var worker = start(next, ++started);
                    running.Add(worker.Exited, (next, worker));
                }
            if (running.Count == 0) break;
            var done = Task.WhenAny(running.Keys).GetAwaiter().GetResult();
            (TJob Job, IWorker Worker) finished;
            lock (running)
            {
                finished = running[done];
                running.Remove(done);
            }
            using (finished.Worker)
                switch (finished.Worker.ExitCode)
                {
                    case 0: succeeded.Add(finished.Job); break;
                    case InterruptedExit: interrupted = true; break;
                    default: failed.Add(new(finished.Job, finished.Worker.ExitCode, finished.Worker.LastError)); break;
                }
        }
        return new(succeeded, failed, interrupted || stop.IsCancellationRequested, pending.Count);
    }
}
