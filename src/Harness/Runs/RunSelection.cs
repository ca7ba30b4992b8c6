using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Which complete runs count: the one rule that runs.csv, the statistics, the verdicts, the regression, the
/// thresholds, the export, the benchmarks and the report all follow.
/// <list type="bullet">
/// <item>A run is <b>stale</b> when its configuration is not the one the catalogue gives today for its model, profile,
/// seed, device, epoch count and environment (its spec or recipe changed since it was trained). Stale runs are listed, never
/// aggregated. A model no longer in the catalogue has nothing to compare with: its runs count as they are.</item>
/// <item>Of the current runs of one model × device × seed (e.g. a seed trained again with another --epochs, --threads or
/// kernel pin), the most recently created stands for the seed; the others are listed as superseded.</item>
/// <item>The <b>representative</b> run of a model, whose weights are exported and benchmarked and whose pages the
/// report shows, is its lowest seed (then device in ordinal order).</item>
/// </list>
/// </summary>
public sealed record RunSelection(IReadOnlyList<RunMetrics> Current, IReadOnlyList<StaleRun> Stale)
{
    public static RunSelection Of(RunStore store) => Of(store.CompleteRuns().Select(store.ReadMetrics));

    public static RunSelection Of(IEnumerable<RunMetrics> runs)
    {
        var stale = new List<StaleRun>();
        var current = new List<RunMetrics>();
        foreach (var run in runs)
        {
            if (StaleReason(run) is { } reason) stale.Add(new StaleRun(run, reason));
            else current.Add(run);
        }
        var chosen = new List<RunMetrics>();
        foreach (var seed in current.GroupBy(r => (r.Model, r.Device, r.Seed)))
        {
            var ordered = seed.OrderByDescending(r => r.Provenance.Created).ThenBy(r => r.RunId, StringComparer.Ordinal).ToList();
            chosen.Add(ordered[0]);
            stale.AddRange(ordered.Skip(1).Select(r => new StaleRun(r, $"superseded by {ordered[0].RunId}, a later run of the same seed")));
        }
        return new RunSelection(
            chosen.OrderBy(r => ModelCatalog.Order(r.Model)).ThenBy(r => r.Model, StringComparer.Ordinal)
                .ThenBy(r => r.Device, StringComparer.Ordinal).ThenBy(r => r.Seed).ToList(),
            stale.OrderBy(s => s.Run.RunId, StringComparer.Ordinal).ToList());
    }

    /// <summary>The representative run of <paramref name="model"/> on <paramref name="device"/> (its lowest seed), or null.</summary>
    public RunMetrics? RepresentativeOf(string model, string device) =>
        Representative(Current.Where(r => r.Model == model && r.Device == device), r => r);

    /// <summary>Of one model's runs, the one that stands for it: the lowest seed, then device in ordinal order.</summary>
    public static T? Representative<T>(IEnumerable<T> runsOfOneModel, Func<T, RunMetrics> metrics) =>
        runsOfOneModel.OrderBy(r => metrics(r).Seed).ThenBy(r => metrics(r).Device, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Null when <paramref name="run"/>'s configuration is the one the catalogue gives today; else why not.</summary>
    static string? StaleReason(RunMetrics run)
    {
        if (ModelCatalog.Find(run.Model) is not { } spec) return null;
        if (Profile.All.FirstOrDefault(p => p.Name == run.Profile) is not { } profile) return $"profile '{run.Profile}' no longer exists";
        var today = RunConfig.For(spec, profile, run.Seed, run.Device, run.Environment) with { Epochs = run.EpochsPlanned };
        return today.Hash == run.ConfigHash ? null
            : $"its configuration is not the catalogue's today (hash {run.ConfigHash[..8]}, now {today.Hash[..8]}): the spec or recipe changed since";
    }
}

/// <summary>A complete run that does not count, and why.</summary>
public sealed record StaleRun(RunMetrics Run, string Reason);
