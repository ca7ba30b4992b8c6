using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Timing;

/// <summary>
/// throughput.csv: <c>model,engine,device,batch_size,images_per_second,p50_ms,p95_ms,threads,forward_mflops</c>,
/// invariant culture, written atomically.
/// </summary>
public static class InferenceThroughputCsv
{
    public static void Write(string path, IEnumerable<InferenceThroughputRecord> records) =>
        CsvFile.Write(path, records.Select(ThroughputCsvRow.From));

    public static IReadOnlyList<InferenceThroughputRecord> Read(string path) =>
        CsvFile.Read<ThroughputCsvRow>(path).Select(r => r.ToRecord()).ToList();
}
