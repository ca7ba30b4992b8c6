using System.Globalization;
using System.Text;

namespace FashionBench.Harness.Comparison;

/// <summary>compare.md: the rule, the verdict counts, then one row per model (for a pull request or a CI step summary).</summary>
public static class CompareMarkdown
{
    public static string Render(string basePath, string path, double margin, IReadOnlyList<CompareRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"# Compare — `{path}` against `{basePath}`\n\n");
        md.Append(c, $"Δ is compared − base. Verdict on test accuracy: **same** when the 95 % interval of Δ lies within ±{margin * 100:0.##} pp; ");
        md.Append(c, $"else **better** / **worse** when it excludes 0 (and, with seeds on both sides, McNemar's exact test stratified by seed gives p < {ResultsComparison.Alpha}); else **inconclusive**. ");
        md.AppendJoin(", ", new[] { ResultsComparison.Worse, ResultsComparison.Better, ResultsComparison.Inconclusive, ResultsComparison.Same }
            .Select(v => $"{rows.Count(r => r.Verdict == v)} {v}"));
        md.Append(".\n\n");
        md.Append("| model | devices | n (paired) | base acc. | acc. | Δ acc. (pp, 95 %) | Δ macro F1 (95 %) | McNemar p | epoch time × | throughput × | verdict | note |\n");
        md.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        foreach (var r in rows)
        {
            var verdict = r.Verdict is ResultsComparison.Worse or ResultsComparison.Better ? $"**{r.Verdict}**" : r.Verdict;
            md.Append(c, $"| `{r.Model}` | {r.BaseDevice} → {r.Device} | {r.BaseN}/{r.N} ({r.PairedSeeds}) | {r.BaseAccuracy * 100:0.00} | {r.Accuracy * 100:0.00} | ");
            md.Append(c, $"{r.DeltaAccuracy * 100:+0.00;-0.00;0.00} [{r.DeltaAccuracyLow * 100:+0.00;-0.00;0.00}, {r.DeltaAccuracyHigh * 100:+0.00;-0.00;0.00}] | ");
            md.Append(c, $"{r.DeltaMacroF1:+0.0000;-0.0000;0.0000} [{r.DeltaMacroF1Low:+0.0000;-0.0000;0.0000}, {r.DeltaMacroF1High:+0.0000;-0.0000;0.0000}] | ");
            md.Append(c, $"{(r.McNemarP is { } p ? p.ToString(p < 1e-4 ? "0.0E+0" : "0.####", c) : "—")} | {Ratio(r.EpochTimeRatio)} | {Ratio(r.ThroughputRatio)} | {verdict} | {r.Note.Replace("|", "\\|")} |\n");
        }
        return md.ToString();
    }

    static string Ratio(double? ratio) => ratio is { } x ? x.ToString("0.00", CultureInfo.InvariantCulture) : "—";
}
