using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Statistics;

/// <summary>
/// Per model and device with at least two healthy seeds: mean, sample std and 95 % t interval of accuracy and macro F1.
/// Diverged and collapsed runs are left out, as the verdicts leave them out: one dead seed would make the interval meaningless.
/// </summary>
public static class SeedStatistics
{
    public static IReadOnlyList<SeedStatsRow> Compute(IReadOnlyList<RunRow> runs) =>
        runs.Where(r => r.Status == "ok").GroupBy(r => (r.Model, r.Device))
            .Where(g => g.Count() >= 2)
            .Select(g =>
            {
                var accuracy = SampleSummary.Of(g.Select(r => r.TestAccuracy).ToList());
                var f1 = SampleSummary.Of(g.Select(r => r.MacroF1).ToList());
                return new SeedStatsRow
                {
                    Model = g.Key.Model, Device = g.Key.Device, N = accuracy.N,
                    AccuracyMean = accuracy.Mean, AccuracyStd = accuracy.StdDev,
                    AccuracyCiLow = accuracy.CiLow, AccuracyCiHigh = accuracy.CiHigh,
                    MacroF1Mean = f1.Mean, MacroF1Std = f1.StdDev, MacroF1CiLow = f1.CiLow, MacroF1CiHigh = f1.CiHigh,
                };
            })
            .ToList();
}
