using FashionBench.Harness.Csv;
using FashionBench.Harness.Statistics;

namespace FashionBench.Reports.Inputs;

/// <summary>The committed reference results (results/reference/&lt;profile&gt;/runs.csv) runs are compared with; <see cref="Rows"/> is null when there is none.</summary>
public sealed record ReferenceRuns(string Path, IReadOnlyList<RunRow>? Rows)
{
    public static ReferenceRuns Load(string path) => new(path, File.Exists(path) ? CsvFile.Read<RunRow>(path) : null);

    /// <summary>Mean test accuracy (fraction) of the reference's runs of <paramref name="model"/>, or null.</summary>
    public double? MeanAccuracy(string model)
    {
        var accuracies = Rows?.Where(r => r.Model == model).Select(r => r.TestAccuracy).ToList();
        return accuracies is { Count: > 0 } ? accuracies.Average() : null;
    }

    /// <summary>
    /// The seed spread of the reference's healthy CPU runs of <paramref name="model"/> (at least two), for a claim a
    /// single-seed run borrows it for: test accuracy and macro F1, the two that runs.csv holds; null otherwise.
    /// </summary>
    public SeedSpread? Spread(string model, string claim)
    {
        Func<RunRow, double>? measure = claim switch
        {
            "test accuracy" or "test accuracy (lower bound)" => r => r.TestAccuracy,
            "macro F1" => r => r.MacroF1,
            _ => null,
        };
        var rows = Rows?.Where(r => r.Model == model && r.Device == "cpu" && r.Status == "ok").ToList();
        return measure is null || rows is not { Count: >= 2 } ? null
            : SeedSpread.Of(rows.Select(measure).ToList(), $"the CPU reference ({rows.Count} seeds)");
    }
}
