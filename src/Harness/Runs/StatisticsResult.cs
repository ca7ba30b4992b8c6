using FashionBench.Harness.Statistics;
namespace FashionBench.Harness.Runs;

/// <summary>What <see cref="StatisticsTables.Write"/> wrote: seed_stats.csv and mcnemar.csv rows, for the report.</summary>
public sealed record StatisticsResult(IReadOnlyList<SeedStatsRow> SeedStats, IReadOnlyList<McNemarRow> McNemar);
