using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Export;

/// <summary>parity.csv: <c>model,max_abs_diff,argmax_agreement,onnx_bytes</c>, invariant culture, written atomically.</summary>
public static class ParityCsv
{
    public static void Write(string path, IEnumerable<ParityResult> results) => CsvFile.Write(path, results.Select(ParityCsvRow.From));

    public static IReadOnlyList<ParityResult> Read(string path) => CsvFile.Read<ParityCsvRow>(path).Select(r => r.ToResult()).ToList();
}
