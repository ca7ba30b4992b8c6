using FashionBench.Harness.Csv;

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
}
