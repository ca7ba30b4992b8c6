using System.CommandLine;
using FashionBench.Cli.Display;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;

namespace FashionBench.Cli.Commands;

/// <summary>`fashionbench train`: train (or reuse, or resume) every run of a profile's matrix, then write the aggregates.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions(Profile.Default, trains: true);
        var command = new Command("train", "Train every model of a profile (complete runs are reused, interrupted ones resumed)");
        options.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(Run(options.Read(parse), cancel)));
        return command;
    }

    public static int Run(PipelineSettings settings, CancellationToken cancel)
    {
        using var session = PipelineSession.Open(settings);
        return Run(session, cancel);
    }

    /// <summary>Trains the session's plan under its lock; `regress` goes on to judge the runs in the same session.</summary>
    public static int Run(PipelineSession session, CancellationToken cancel)
    {
        var settings = session.Settings;
        using var interruption = new Interruption(cancel);               // Ctrl+C or SIGTERM: the run resumes later
        var plan = settings.WorkerRun is { } runId ? [TrainingPipeline.PlannedRun(session.Store, runId)] : session.Plan();
        try
        {
            var outcomes = settings.Jobs > 1 && settings.WorkerOf is null
                ? TrainWorkers.Run(session, plan, interruption.Token)
                : TrainingDisplay.Show(display =>
                    new TrainingPipeline(session.Store, session.Executor(display, interruption.Token))
                    {
                        Starting = display.Starting,
                        Finished = display.Finished,
                        WriteAggregates = settings.WorkerOf is null,   // a worker's parent writes them once, at the end
                    }.Run(plan));
            if (settings.WorkerOf is not null) return 0;                   // the parent sums up
            foreach (var stale in RunSelection.Of(session.Store).Stale)
                PipelineSession.Notice($"not counted: {stale.Run.RunId}: {stale.Reason}");
            var reused = outcomes.Count(o => o.Reused);
            var failed = outcomes.GroupBy(o => o.Metrics.Status).Where(g => g.Key != RunHealth.Ok.Label)
                .Select(g => $"{g.Count()} {g.Key}");
            Console.WriteLine($"{outcomes.Count} run(s): {outcomes.Count - reused} trained, {reused} reused" +
                              string.Concat(failed.Select(f => $", {f}")) + $"; tables in {session.Store.ProfileDir}");
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted: finished runs are kept and the current one resumes from its last epoch when you run the same command again");
            return 130;
        }
    }
}
