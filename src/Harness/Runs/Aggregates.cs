using FashionBench.Harness.Csv;
using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The profile-level tables, rebuilt from the runs that count (<see cref="RunSelection"/>: shards merged into one
/// folder and runs of earlier invocations appear; stale configurations do not): runs.csv, per_class.csv, curves.csv.
/// </summary>
public static class Aggregates
{
    public static IReadOnlyList<RunRow> Write(RunStore store) => Write(store, RunSelection.Of(store));

    public static IReadOnlyList<RunRow> Write(RunStore store, RunSelection selection)
    {
        var rows = Rows(selection);
        CsvFile.Write(store.TableOf(RunStore.RunsTable), rows);
        CsvFile.Write(store.TableOf(RunStore.PerClassTable),
            rows.SelectMany(r => store.ReadPerClass(r.RunId)));
        CsvFile.Write(store.TableOf(RunStore.CurvesTable),
            rows.SelectMany(r => store.ReadCurves(r.RunId)));
        return rows;
    }

    /// <summary>runs.csv's rows: the runs that count, in catalogue order, then seed and device.</summary>
    public static IReadOnlyList<RunRow> Rows(RunSelection selection) =>
        selection.Current.Select(Row).OrderBy(r => ModelCatalog.Order(r.Model)).ThenBy(r => r.Seed)
            .ThenBy(r => r.Device, StringComparer.Ordinal).ToList();

    public static RunRow Row(RunMetrics m)
    {
        var documented = ModelCatalog.Find(m.Model)?.Documented ?? DocumentedResults.Nothing;
        return new RunRow
        {
            RunId = m.RunId, Model = m.Model, Dataset = m.Dataset, Device = m.Device, Seed = m.Seed,
            EpochsRun = m.EpochsRun, Params = m.Parameters, TestAccuracy = m.TestAccuracy, MacroF1 = m.MacroF1,
            WeightedF1 = m.WeightedF1, TestLoss = m.TestLoss, DocumentedAccuracy = documented.TestAccuracy,
            DocumentedF1 = documented.MacroF1,
            DeltaPp = Statistics.Proportion.DeltaPp(m.TestAccuracy, documented.TestAccuracy),
            EpochSecondsMedian = m.EpochSecondsMedian, TrainSeconds = m.TrainSeconds, PeakRssMb = m.PeakRssMb,
            ConfigHash = m.ConfigHash, Status = m.Status,
        };
    }
}
