using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FashionBench.Harness.Export;

/// <summary>parity.csv: <c>model,max_abs_diff,argmax_agreement,onnx_bytes</c>, invariant culture, written atomically.</summary>
public static class ParityCsv
{
    public static void Write(string path, IEnumerable<ParityResult> results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            csv.Context.RegisterClassMap<Columns>();
            csv.WriteRecords(results);
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

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
