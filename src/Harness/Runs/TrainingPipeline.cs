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

    /// <summary>Rebuilds the profile's tables (runs, per-class, curves, seed statistics, McNemar) from its complete runs.</summary>
    public static void WriteTables(RunStore store)
    {
        Aggregates.Write(store);
        Statistics.StatisticsTables.Write(store);
    }
}
