using System.Globalization;
using System.Text;

namespace FashionBench.Harness.Regression;

/// <summary>regression.md: a summary line, the failing rows by name, then every row.</summary>
public static class RegressionMarkdown
{
    public static string Render(string profile, string thresholdsPath, ProfileThresholds? thresholds, IReadOnlyList<RegressionRow> rows)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.Append(c, $"# Regression — profile `{profile}`\n\n");
        md.Append(c, $"Thresholds: `{thresholdsPath}`");
        if (thresholds is null) md.Append(" (none for this profile). ");
        else md.Append(c, $", derived {thresholds.Generated:yyyy-MM-dd} from `{thresholds.Source}` at {string.Join(", ", thresholds.SourceCommits)}. ");
        md.AppendJoin(", ", new[] { RegressionStatus.Fail, RegressionStatus.Warning, RegressionStatus.NoThreshold, RegressionStatus.NoRun,
                RegressionStatus.Skipped, RegressionStatus.Pass }
            .Select(s => $"{rows.Count(r => r.Status == s)} {s}"));
        md.Append(".\n\n");
        var failures = RegressionCheck.Failures(rows);
        if (failures.Count > 0)
        {
            md.Append("## Failing\n\n");
            foreach (var f in failures)
                md.Append(c, $"- {RegressionCheck.Describe(f, $"`{f.Model}`")}\n");
            md.Append('\n');
        }
        md.Append("| model | seed | device | run | metric | measured | threshold | status | note |\n");
        md.Append("|---|---:|---|---|---|---:|---:|---|---|\n");
        foreach (var r in rows)
        {
            var status = r.Status == RegressionStatus.Fail ? $"**{r.Status}**" : r.Status;
            md.Append(c, $"| `{r.Model}` | {r.Seed} | {r.Device} | {r.RunStatus} | {r.Metric} | {Number(r.Metric, r.Measured)} | {Number(r.Metric, r.Threshold)} | {status} | {r.Note.Replace("|", "\\|")} |\n");
        }
        return md.ToString();
    }

    /// <summary>Fractions to 4 decimals, seconds to 3; empty when absent.</summary>
    public static string Number(string metric, double? value) =>
        value is not { } v ? "" : v.ToString(metric == RegressionRow.EpochSeconds ? "0.000" : "0.0000", CultureInfo.InvariantCulture);
}
