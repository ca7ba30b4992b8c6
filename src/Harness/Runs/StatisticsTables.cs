using FashionBench.Harness.Csv;
using FashionBench.Harness.Statistics;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The profile-level statistics, rebuilt from the complete runs like the aggregates: seed_stats.csv (models with
/// ≥ 2 seeds) and mcnemar.csv (ablation vs baseline, per seed). Both files are always written, possibly header-only.
/// </summary>
public static class StatisticsTables
{
    /// <summary>Writes both tables and returns what it wrote.</summary>
    public static StatisticsResult Write(RunStore store)
    {
        var runs = RunSelection.Of(store).Current.Select(Aggregates.Row).ToList();
        var result = new StatisticsResult(SeedStatistics.Compute(runs), McNemarTable.Compute(store, runs));
        CsvFile.Write(store.TableOf(RunStore.SeedStatsTable), result.SeedStats);
        CsvFile.Write(store.TableOf(RunStore.McNemarTable), result.McNemar);
        return result;
    }
}
