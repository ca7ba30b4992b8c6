using FashionBench.Models;

namespace FashionBench.Harness.Timing;

/// <summary>
/// The training rates `plan` estimates from, by model: reused from train_throughput.csv where this trainer measured
/// them at this commit, thread count, number of processes at once and CPU kernels (<see cref="TrainThroughputCsv.Reusable"/>);
/// the others measured now and added one at a time, so an interrupted plan keeps what it measured.
/// </summary>
public static class TrainThroughputCache
{
    /// <param name="measure">Measures one model; called only for the models without a reusable row.</param>
    /// <param name="missing">Told, before the first measurement, which models will be measured.</param>
    /// <param name="measured">Told each new row as it is written.</param>
    public static Dictionary<string, TrainThroughputRow> Fill(string path, IReadOnlyList<ModelSpec> specs, int threads, int concurrent,
        string gitCommit, bool remeasure, Func<ModelSpec, TrainThroughputRow> measure,
        Action<IReadOnlyList<ModelSpec>>? missing = null, Action<TrainThroughputRow>? measured = null)
    {
        var rows = remeasure ? [] : TrainThroughputCsv.Reusable(path, threads, concurrent, gitCommit);
        var toMeasure = specs.Where(s => !rows.ContainsKey(s.Id)).ToList();
        if (toMeasure.Count == 0) return rows;
        missing?.Invoke(toMeasure);
        foreach (var spec in toMeasure)
        {
            var row = measure(spec);
            TrainThroughputCsv.Upsert(path, [row]);
            rows[spec.Id] = row;
            measured?.Invoke(row);
        }
        return rows;
    }
}
