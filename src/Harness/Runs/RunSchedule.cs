using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Several runs training at once (`train --jobs N`): runs start longest first, each on the first worker that frees up
/// (the LPT rule, within 4/3 of the best possible finish time), so no long run starts last. "Longest" is the run's FLOP
/// count, known before anything is measured; `plan --jobs N` replays the same order with measured durations.
/// </summary>
public static class RunSchedule
{
    /// <summary>FLOPs of a run: epochs × (3 × training + validation images) × forward FLOPs, plus the test set once.</summary>
    public static double Cost(ModelSpec spec, RunConfig config)
    {
        var (train, validation, test) = config.Images();
        return ((double)config.Epochs * (3 * train + validation) + test) * SpecCost.Of(spec).ForwardFlops;
    }

    /// <summary>The runs in the order to start them: highest <see cref="Cost"/> first, ties in plan order.</summary>
    public static IReadOnlyList<T> LongestFirst<T>(IEnumerable<T> runs, Func<T, double> cost) =>
        runs.OrderByDescending(cost).ToList();                            // OrderBy is stable

    /// <summary>Wall time of runs taking <paramref name="seconds"/> (in start order) on <paramref name="workers"/> workers.</summary>
    public static double Makespan(IEnumerable<double> seconds, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var busyUntil = new PriorityQueue<int, double>();
        for (var w = 0; w < workers; w++) busyUntil.Enqueue(w, 0);
        var end = 0.0;
        foreach (var s in seconds)
        {
            busyUntil.TryDequeue(out var worker, out var free);
            busyUntil.Enqueue(worker, free + s);
            end = Math.Max(end, free + s);
        }
        return end;
    }
}
