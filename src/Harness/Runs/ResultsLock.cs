namespace FashionBench.Harness.Runs;

/// <summary>
/// An exclusive lock on a results folder for the life of a pipeline, so two pipelines never write the same runs.
/// .NET takes an advisory flock for FileShare.None on Unix, which the OS releases if the holder dies.
/// </summary>
public sealed class ResultsLock : IDisposable
{
    public const string FileName = ".fashionbench.lock";
    readonly FileStream stream;

    ResultsLock(FileStream stream) => this.stream = stream;

    /// <summary>
    /// How long every verb waits for a results folder another pipeline holds: FASHIONBENCH_LOCK_WAIT_SECONDS, else 10 s.
    /// </summary>
    public static TimeSpan Wait => TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("FASHIONBENCH_LOCK_WAIT_SECONDS"), System.Globalization.CultureInfo.InvariantCulture,
            out var seconds) && seconds >= 0 ? seconds : 10);

    /// <summary>Waits up to <see cref="Wait"/> for the lock; then fails with a message naming the folder and holder.</summary>
    public static ResultsLock Acquire(string directory, Action<string>? notice = null) => Acquire(directory, Wait, notice);

    /// <summary>Waits up to <paramref name="wait"/> for the lock; then fails with a message naming the folder and holder.</summary>
    public static ResultsLock Acquire(string directory, TimeSpan wait, Action<string>? notice = null)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(path + ".owner", $"pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:O}");
                return new ResultsLock(stream);
            }
            catch (IOException)
            {
                if (DateTime.UtcNow >= deadline)
                    throw new UserError($"{directory}: in use by another fashionbench pipeline ({Holder(path)}); " +
                                        "wait for it to finish or use another --results folder");
                if (!told) notice?.Invoke($"{directory} is in use by another pipeline ({Holder(path)}); waiting…");
                told = true;
                Thread.Sleep(250);
            }
        }
    }

    /// <summary>
    /// For a worker process of a pipeline (`train --jobs`): fails unless <paramref name="parentPid"/> holds the lock.
    /// The worker takes nothing itself: the parent keeps the folder for all its workers.
    /// </summary>
    public static void RequireHeldBy(string directory, int parentPid)
    {
        var path = Path.Combine(directory, FileName);
        if (Holder(path).StartsWith($"pid {parentPid} ", StringComparison.Ordinal) && IsLocked(path)) return;
        throw new UserError($"--worker-of: process {parentPid} does not hold {directory} ({Holder(path)}); " +
                            "this option is for the processes `train --jobs` starts");
    }

    static bool IsLocked(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException) { return false; }
        catch (IOException) { return true; }
    }

    // The holder's pid sits beside the lock file: the locked file itself cannot be opened by others.
    static string Holder(string path)
    {
        try { return File.ReadAllText(path + ".owner").Trim(); }
        catch (IOException) { return "holder unknown"; }
    }

    // The owner note goes first, while the lock is still held; the lock file itself stays (deleting it would let a
    // waiter lock an unlinked file while a newcomer creates another). A killed holder's note is overwritten by the next.
    public void Dispose()
    {
        try { File.Delete(stream.Name + ".owner"); }
        catch (IOException) { }                                      // only a note: the flock is what excludes
        stream.Dispose();
    }
}
