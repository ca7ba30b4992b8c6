using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using FashionBench.Cli.Display;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Runs;
using FashionBench.Models;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `train --jobs N`: the runs still to train go to N worker processes — this executable, `train --worker-of PID --run
/// RUN-ID`, which trains the configuration this process wrote into the run's folder — longest first, each worker slot taking the next run when its run ends. This process keeps the
/// results lock, relays the workers' output, and writes the aggregates once at the end. A run computes exactly what it
/// computes in a single process with the same --threads (its own process, seed and generator). Why processes: libtorch's
/// thread count and random generator are process-wide, and on this project's 2-core VM two 1-thread processes train
/// ~1.3× as many images per second as one 2-thread process (docs/performance.md).
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
        var pending = new Queue<(ModelSpec Spec, RunConfig Config)>(
            RunSchedule.LongestFirst(complete[false], p => RunSchedule.Cost(p.Spec, p.Config)));
        Console.WriteLine($"{pending.Count} run(s) to train on {settings.Jobs} worker process(es) × {settings.Threads} thread(s), longest first");

        var running = new Dictionary<Task, Worker>();
        var failures = new List<string>();
        var interrupted = false;
        // Ctrl+C or SIGTERM to this process alone (a terminal signals the workers itself): stop starting runs, pass
        // SIGINT on to the workers and wait for them, so none trains on without the lock.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var forward = stop.Token.Register(() => { lock (running) foreach (var w in running.Values) SelfProcess.Interrupt(w.Process); });
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
        var (started, total) = (0, pending.Count);
        while (true)
        {
            lock (running)
                while (!stop.IsCancellationRequested && failures.Count == 0 && running.Count < settings.Jobs && pending.TryDequeue(out var next))
                {
                    store.WriteConfig(next.Config);                              // what the worker trains, exactly
                    var worker = Worker.Start(settings, next.Spec, next.Config, $"[{++started}/{total}]");
                    running.Add(worker.Exited, worker);
                }
            if (running.Count == 0) break;
            var done = Task.WhenAny(running.Keys).GetAwaiter().GetResult();
            Worker finished;
            lock (running)
            {
                finished = running[done];
                running.Remove(done);
            }
            switch (finished.Process.ExitCode)
            {
                case 0:
                    outcomes.Add(new RunOutcome(store.ReadMetrics(finished.Config.RunId), Reused: false));
                    break;
                case Interrupted:
                    interrupted = true;
                    break;
                default:
                    failures.Add($"{finished.Label} {finished.Spec.Id} seed {finished.Config.Seed}: worker exited with " +
                                 $"{finished.Process.ExitCode.ToString(CultureInfo.InvariantCulture)} ({finished.LastError ?? "no message"})");
                    break;
            }
            finished.Process.Dispose();
        }

        TrainingPipeline.WriteTables(store);
        if (interrupted || stop.IsCancellationRequested) throw new OperationCanceledException();
        if (failures.Count > 0)
            throw new UserError(string.Join("; ", failures) + (pending.Count > 0 ? $"; {pending.Count} run(s) not started" : ""));
        return outcomes;
    }

    // The exit code of an interrupted worker (SIGINT); its run resumes from its last epoch checkpoint next time.
    const int Interrupted = 130;

    static string Label(ModelSpec spec, RunConfig config) => $"{spec.Id} seed {config.Seed}";

    sealed class Worker
    {
        public required Process Process { get; init; }
        public Task Exited { get; private set; } = Task.CompletedTask;
        public required ModelSpec Spec { get; init; }
        public required RunConfig Config { get; init; }
        public required string Label { get; init; }
        public string? LastError { get; private set; }

        public static Worker Start(PipelineSettings settings, ModelSpec spec, RunConfig config, string label)
        {
            // The run itself travels as its config.json; the options only say where it is and how the process is set up.
            List<string> arguments =
            [
                "train", "--worker-of", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                "--results", settings.Results, "--profile", settings.Profile.Name, "--run", config.RunId,
                "--device", config.Device, "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
            ];
            if (settings.LibTorch is { } libtorch) arguments.AddRange(["--libtorch", libtorch]);

            var process = SelfProcess.Start(arguments);
            var worker = new Worker { Process = process, Spec = spec, Config = config, Label = label };
            process.OutputDataReceived += (_, e) => { if (e.Data is { } line) Console.WriteLine($"{label} {line}"); };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not { Length: > 0 } line) return;
                worker.LastError = line;
                Console.Error.WriteLine($"{label} {line}");
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            worker.Exited = process.WaitForExitAsync();                     // completes once the output is read to the end, too
            return worker;
        }
    }
}
