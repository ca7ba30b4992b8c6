using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Timing;

/// <summary>
/// throughput.csv (<see cref="ThroughputCsvRow"/>) and, beside it, the engines not timed
/// (<see cref="InferenceNotTimed"/>, written even when empty so that no earlier bench's file outlives it); invariant
/// culture, written atomically.
/// </summary>
public static class InferenceThroughputCsv
{
    public static void Write(string path, IEnumerable<InferenceThroughputRecord> records, IEnumerable<InferenceNotTimed> notTimed)
    {
        CsvFile.Write(path, records.Select(ThroughputCsvRow.From));
        CsvFile.Write(InferenceNotTimed.PathBeside(path), notTimed);
    }

    public static IReadOnlyList<InferenceThroughputRecord> Read(string path) =>
        CsvFile.Read<ThroughputCsvRow>(path).Select(r => r.ToRecord()).ToList();

    /// <summary>The engines not timed beside <paramref name="path"/>; none where that file is absent (a bench before it was written).</summary>
    public static IReadOnlyList<InferenceNotTimed> ReadNotTimed(string path) =>
        InferenceNotTimed.PathBeside(path) is var beside && File.Exists(beside) ? CsvFile.Read<InferenceNotTimed>(beside) : [];
}
