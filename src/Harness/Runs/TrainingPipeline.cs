using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>Runs a planned matrix under the results lock, one run after another, then rebuilds the aggregate tables.</summary>
public sealed class TrainingPipeline(RunStore store, RunExecutor executor)
{
    /// <summary>Called before each run with (position, total, spec, config), e.g. to update a progress display.</summary>
    public Action<int, int, ModelSpec, RunConfig>? Starting { get; init; }
    public Action<RunOutcome>? Finished { get; init; }

    /// <summary>Whether to rebuild the profile's aggregate tables after the runs (false in a worker process).</summary>
    public bool WriteAggregates { get; init; } = true;

    public IReadOnlyList<RunOutcome> Run(
        IReadOnlyList<(ModelSpec Spec, RunConfig Config)> plan)
    {
        var outcomes = new List<RunOutcome>();
        for (var i = 0; i < plan.Count; i++)
        {
            var (spec, config) = plan[i];
            Starting?.Invoke(i + 1, plan.Count, spec, config);
            var outcome = executor.Execute(spec, config);
            outcomes.Add(outcome);
            Finished?.Invoke(outcome);
        }
        if (WriteAggregates) WriteTables(store);
        return outcomes;
    }

    /// <summary>
    /// The one run a worker process trains: the configuration its parent wrote into the run folder, with its catalogue
    /// spec; refused with one line unless it is the catalogue's configuration for that model today.
    /// </summary>
    public static (ModelSpec Spec, RunConfig Config) PlannedRun(RunStore store, string runId)
    {
        var config = store.ReadConfig(runId);
        var spec = ModelCatalog.Find(config.Model) ?? throw new UserError($"--run {runId}: model '{config.Model}' is not in the catalogue");
        var profile = Profile.Get(config.Profile);
        var today = RunConfig.For(spec, profile, config.Seed, config.Device, config.Environment) with { Epochs = config.Epochs };
        if (today.RunId != runId || config.RunId != runId)
            throw new UserError($"--run {runId}: {store.FileOf(runId, RunStore.ConfigFile)} is not the catalogue's configuration of {spec.Id} today");
        return (spec, config);
    }

    /// <summary>Rebuilds the profile's tables (runs, per-class, curves, seed statistics, McNemar) from its complete runs.</summary>
    public static void WriteTables(RunStore store)
    {
        Aggregates.Write(store);
        StatisticsTables.Write(store);
    }
}
