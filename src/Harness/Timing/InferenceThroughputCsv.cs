using CsvHelper.Configuration;
using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Timing;

/// <summary>
/// throughput.csv: <c>model,engine,device,batch_size,images_per_second,p50_ms,p95_ms,threads,forward_mflops</c>,
/// invariant culture, written atomically.
/// </summary>
public static class InferenceThroughputCsv
{
    public static void Write(string path, IEnumerable<InferenceThroughputRecord> records) => CsvFile.Write(path, records, new Columns());

    sealed class Columns : ClassMap<InferenceThroughputRecord>
    {
        public Columns()
        {
            Map(r => r.Model).Name("model");
            Map(r => r.Engine).Name("engine");
            Map(r => r.Device).Name("device");
            Map(r => r.BatchSize).Name("batch_size");
            Map(r => r.ImagesPerSecond).Name("images_per_second");
            Map(r => r.P50Ms).Name("p50_ms");
            Map(r => r.P95Ms).Name("p95_ms");
            Map(r => r.Threads).Name("threads");
            Map(r => r.ForwardMflops).Name("forward_mflops");
        }
    }
}
