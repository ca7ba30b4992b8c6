using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Timing;

/// <summary>results/perf/train_throughput.csv: measurements kept across invocations, one row per key, written atomically.</summary>
public static class TrainThroughputCsv
{
    public const string FileName = "train_throughput.csv";

    public static string PathIn(string resultsRoot) => Path.Combine(resultsRoot, "perf", FileName);

    public static IReadOnlyList<TrainThroughputRow> Read(string path) =>
        File.Exists(path) ? CsvFile.Read<TrainThroughputRow>(path) : [];

    /// <summary>
    /// The measurements in <paramref name="path"/> that `plan` may reuse, by model: taken by this trainer at this commit,
    /// thread count, number of processes measured at once, and CPU kernels; anything else is measured again.
    /// </summary>
    public static Dictionary<string, TrainThroughputRow> Reusable(string path, int threads, int concurrent, string gitCommit) =>
        Read(path).Where(r => r.Engine == TrainThroughputMeter.Engine && r.Threads == threads && r.GitCommit == gitCommit
                              && r.Concurrent == concurrent && r.CpuKernels == Machine.KernelIsa.Describe())
            .ToDictionary(r => r.Model);

    /// <summary>Adds <paramref name="rows"/>, replacing earlier rows with the same key; other rows keep their order.</summary>
    public static void Upsert(string path, IReadOnlyList<TrainThroughputRow> rows)
    {
        var keys = rows.Select(r => r.Key).ToHashSet();
        CsvFile.Write(path, [.. Read(path).Where(r => !keys.Contains(r.Key)), .. rows]);
    }
}
