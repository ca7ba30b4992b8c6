using FashionBench.Harness.Runs;
using FashionBench.Models;

namespace FashionBench.Harness.Statistics;

/// <summary>
/// One run per (model, device, seed): a profile folder keeps runs of earlier configurations (a changed spec is a new
/// run id), and counting both as seeds would fake a spread, so the most recently created one stands for the seed.
/// </summary>
public static class RunSelection
{
    public static IReadOnlyList<RunMetrics> LatestPerSeed(IEnumerable<RunMetrics> runs) =>
        runs.GroupBy(r => (r.Model, r.Device, r.Seed))
            .Select(g => g.OrderByDescending(r => r.Provenance.Created).ThenBy(r => r.RunId, StringComparer.Ordinal).First())
            .OrderBy(r => ModelCatalog.Order(r.Model)).ThenBy(r => r.Model, StringComparer.Ordinal)
            .ThenBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Seed)
            .ToList();

    /// <summary>The latest complete run per (model, device, seed) of a profile folder.</summary>
    public static IReadOnlyList<RunMetrics> LatestPerSeed(RunStore store) =>
        LatestPerSeed(store.CompleteRuns().Select(store.ReadMetrics));

}
