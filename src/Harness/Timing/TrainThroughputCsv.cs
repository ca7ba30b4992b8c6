using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Timing;

/// <summary>results/perf/train_throughput.csv: measurements kept across invocations, one row per key, written atomically.</summary>
public static class TrainThroughputCsv
{
    public const string FileName = "train_throughput.csv";

    public static string PathIn(string resultsRoot) => Path.Combine(resultsRoot, "perf", FileName);

    public static IReadOnlyList<TrainThroughputRow> Read(string path) =>
        File.Exists(path) ? CsvFile.Read<TrainThroughputRow>(path) : [];

    /// <summary>Adds <paramref name="rows"/>, replacing earlier rows with the same key; other rows keep their order.</summary>
    public static void Upsert(string path, IReadOnlyList<TrainThroughputRow> rows)
    {
        var keys = rows.Select(r => r.Key).ToHashSet();
        CsvFile.Write(path, [.. Read(path).Where(r => !keys.Contains(r.Key)), .. rows]);
    }
}
