using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;

namespace FashionBench.Harness.Regression;

/// <summary>Writes &lt;results&gt;/&lt;profile&gt;/regression.csv and regression.md (both atomically).</summary>
public static class RegressionFiles
{
    public static void Write(string profileDir, string profile, string thresholdsPath, ProfileThresholds? thresholds,
        IReadOnlyList<RegressionRow> rows)
    {
        CsvFile.Write(Path.Combine(profileDir, RunStore.RegressionTable), rows);
        AtomicFile.WriteAllText(Path.Combine(profileDir, RunStore.RegressionMarkdown), RegressionMarkdown.Render(profile, thresholdsPath, thresholds, rows));
    }
}
