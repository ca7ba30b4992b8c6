using FashionBench.Harness.Csv;
using FashionBench.Harness.Statistics;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The profile-level statistics, rebuilt from the complete runs like the aggregates: seed_stats.csv (models with
/// ≥ 2 seeds) and mcnemar.csv (ablation vs baseline, per seed). Both files are always written, possibly header-only.
/// </summary>
public static class StatisticsTables
{
    /// <summary>Writes both tables.</summary>
    public static void Write(RunStore store)
    {
        var runs = RunSelection.Of(store).Current.Select(Aggregates.Row).ToList();
        var mcnemar = McNemarTable.Compute(store, runs);                 // before either file is written: it may refuse
        CsvFile.Write(store.TableOf(RunStore.SeedStatsTable), SeedStatistics.Compute(runs));
        CsvFile.Write(store.TableOf(RunStore.McNemarTable), mcnemar);
    }
}
