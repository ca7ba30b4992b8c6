using System.Globalization;
using FashionBench.Cli.Display;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Workers;
using FashionBench.Models;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `train --jobs N`: the runs still to train go, longest first, to N worker processes (<see cref="WorkerPool"/>), each
/// this executable as `train --worker-of PID --run RUN-ID`, which trains the configuration this process wrote into the
/// run's folder. This process keeps the results lock, relays the workers' output, and writes the aggregates once at
/// the end. A run computes exactly what it computes in a single process with the same --threads (its own process, seed
/// and generator). Why processes: libtorch's thread count and random generator are process-wide, and on this
/// project's 2-core VM two 1-thread processes train ~1.3× as many images per second as one 2-thread process
/// (docs/performance.md).
/// </summary>
public static class TrainWorkers
{
    public static IReadOnlyList<RunOutcome> Run(PipelineSession session, IReadOnlyList<(ModelSpec Spec, RunConfig Config)> plan,
        CancellationToken cancel)
    {
        var (settings, store) = (session.Settings, session.Store);
        var outcomes = new List<RunOutcome>();
        var complete = plan.ToLookup(p => store.Status(p.Config.RunId) == RunStatus.Complete);  // hashes each run's files once
        foreach (var (spec, config) in complete[true])
        {
            var reused = new RunOutcome(store.ReadMetrics(config.RunId), Reused: true);
            outcomes.Add(reused);
            Console.WriteLine(TrainingDisplay.Summary(Label(spec, config), reused));
        }
        var pending = RunSchedule.LongestFirst(complete[false], p => RunSchedule.Cost(p.Spec, p.Config)).ToList();
        Console.WriteLine($"{pending.Count} run(s) to train on {settings.Jobs} worker process(es) × {settings.Threads} thread(s), longest first");

        // An interruption of this process (see Interruption; a terminal also signals the workers itself): start no more
        // runs, stop the workers and wait for them, so none trains on without the lock.
        var errorLines = new FirstOccurrences();                             // libtorch's start-up warnings once, not once a run
        var pool = WorkerPool.Run(pending, settings.Jobs, (run, ordinal) =>
        {
            store.WriteConfig(run.Config);                                   // what the worker trains, exactly
            return StartWorker(settings, run.Config, $"[{ordinal}/{pending.Count}]", errorLines);
        }, cancel);
        outcomes.AddRange(pool.Succeeded.Select(run => new RunOutcome(store.ReadMetrics(run.Config.RunId), Reused: false)));

        TrainingPipeline.WriteTables(store);
        if (pool.Interrupted) throw new OperationCanceledException();
        if (pool.Failed.Count > 0)
            throw new UserError(string.Join("; ", pool.Failed.Select(f =>
                    $"{Label(f.Job.Spec, f.Job.Config)}: worker exited with {f.ExitCode.ToString(CultureInfo.InvariantCulture)} ({f.LastError ?? "no message"})"))
                + (pool.NotStarted > 0 ? $"; {pool.NotStarted} run(s) not started" : ""));
        return outcomes;
    }

    static string Label(ModelSpec spec, RunConfig config) => $"{spec.Id} seed {config.Seed}";

    /// <summary>`train --worker-of PID --run RUN-ID`; its output relayed line by line behind the run's label, each distinct stderr line once across the workers.</summary>
    static ProcessWorker StartWorker(PipelineSettings settings, RunConfig config, string label, FirstOccurrences errorLines)
    {
        // The run itself travels as its config.json; the options only say where it is and how the process is set up.
        List<string> arguments =
        [
            "train", "--worker-of", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "--results", settings.Results, "--profile", settings.Profile.Name, "--run", config.RunId,
            "--device", config.Device, "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
        ];
        if (settings.LibTorch is { } libtorch) arguments.AddRange(["--libtorch", libtorch]);
        return ProcessWorker.Attach(SelfProcess.Start(arguments), line => Console.WriteLine($"{label} {line}"),
            line => { if (errorLines.IsFirst(line)) Console.Error.WriteLine($"{label} {line}"); });
    }
}
