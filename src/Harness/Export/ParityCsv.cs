using CsvHelper.Configuration;
using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Export;

/// <summary>parity.csv: <c>model,max_abs_diff,argmax_agreement,onnx_bytes</c>, invariant culture, written atomically.</summary>
public static class ParityCsv
{
    public static void Write(string path, IEnumerable<ParityResult> results) => CsvFile.Write(path, results, new Columns());

    sealed class Columns : ClassMap<ParityResult>
    {
        public Columns()
        {
            Map(r => r.Model).Name("model");
            Map(r => r.MaxAbsDiff).Name("max_abs_diff");
            Map(r => r.ArgmaxAgreement).Name("argmax_agreement");
            Map(r => r.OnnxBytes).Name("onnx_bytes");
        }
    }
}
