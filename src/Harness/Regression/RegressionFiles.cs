using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Regression;

/// <summary>Writes &lt;results&gt;/&lt;profile&gt;/regression.csv and regression.md (both atomically).</summary>
public static class RegressionFiles
{
    public const string Csv = "regression.csv";
    public const string Markdown = "regression.md";

    public static void Write(string profileDir, string profile, string thresholdsPath, ProfileThresholds? thresholds,
        IReadOnlyList<RegressionRow> rows)
    {
        CsvFile.Write(Path.Combine(profileDir, Csv), rows);
        AtomicFile.WriteAllText(Path.Combine(profileDir, Markdown), RegressionMarkdown.Render(profile, thresholdsPath, thresholds, rows));
    }
}
