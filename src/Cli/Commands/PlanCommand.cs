using System.CommandLine;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Harness.Workers;
using FashionBench.Models;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench plan [--profile P] [--models GLOB] [--seeds N] [--jobs J] [--threads T]`: the estimated wall time and
/// FLOPs of a profile's run matrix on this machine, trained as `train --jobs J --threads T` would: runs longest first,
/// each on the first free worker. Each model's rates come from results/perf/train_throughput.csv (this commit, these
/// threads, J measurements at once), measured with bench-train's machinery on a few batches where missing, and cached
/// there. With J > 1 every model is measured by J bench-train processes started together, so the rates include what
/// the workers cost each other (shared cores, caches and memory bandwidth); the row keeps the median of the J rates.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = Profile.Names, DefaultValueFactory = _ => Profile.Default };
        var models = new Option<string?>("--models") { Description = "Model id glob(s), comma-separated" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per model", DefaultValueFactory = _ => 1 };
        var jobs = new Option<int>("--jobs") { Description = "Runs trained at once, as `train --jobs`", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "Intra-op threads per run (default: the cores, divided among --jobs)" };
        var batches = new Option<int>("--batches") { Description = "Batches per timed repetition when measuring a model", DefaultValueFactory = _ => 10 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed repetitions when measuring a model", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up batches when measuring a model", DefaultValueFactory = _ => 5 };
        var remeasure = new Option<bool>("--remeasure") { Description = "Measure every model again instead of reusing this commit's measurements" };
        var results = new Option<string>("--results") { Description = "Results root (measurements cached in <results>/perf/train_throughput.csv)", DefaultValueFactory = _ => "results" };
        var command = new Command("plan", "Estimate the wall time and FLOPs of a profile's training matrix on this machine")
        {
            profile, models, seeds, jobs, threads, batches, repetitions, warmup, remeasure, results,
        };
        command.SetAction(parse =>
        {
            var workers = parse.GetValue(jobs);
            if (workers <= 0) throw new UserError($"--jobs: must be at least 1, got {workers}");
            var options = BenchTrainCommand.ReadOptions(parse.GetValue(threads) ?? Math.Max(1, Environment.ProcessorCount / workers),
                parse.GetValue(batches), parse.GetValue(repetitions), parse.GetValue(warmup));
            var chosen = Profile.Get(parse.GetValue(profile)!);
            var plan = RunMatrix.Plan(chosen, parse.GetValue(models), parse.GetValue(seeds), 1, "cpu", Shard.Whole);
            var measured = Measurements(plan.Select(p => p.Spec).DistinctBy(s => s.Id).ToList(), options, workers,
                parse.GetValue(remeasure), PathRules.WritableFolder("--results", parse.GetValue(results)!));
            var order = RunSchedule.LongestFirst(plan, p => RunSchedule.Cost(p.Spec, p.Config));
            Print(chosen, TrainThroughputPlan.Estimate(order, measured), workers, options.Threads);
            return 0;
        });
        return command;
    }

    static Dictionary<string, TrainThroughputRow> Measurements(IReadOnlyList<ModelSpec> specs, TrainThroughputOptions options,
        int concurrent, bool remeasure, string results)
    {
        var repoRoot = RepoRoot.Find();
        var provenance = Provenance.Capture(repoRoot);
        // One process measures in-process; J processes measure J bench-train processes at once, started together.
        var bench = new Lazy<TrainThroughputBench>(() => BenchTrainCommand.OpenBench(repoRoot));
        var peaks = new Lazy<(FmaPeak, CpuPeak?)>(() => (FmaPeak.For(options.Threads), CpuPeak.Detect(options.Threads)));
        try
        {
            return TrainThroughputCache.Fill(TrainThroughputCsv.PathIn(results), specs, options.Threads, concurrent, provenance.GitCommit, remeasure,
                spec =>
                {
                    if (concurrent > 1) return MeasureConcurrently(spec, options, concurrent);
                    var (peak, nominal) = peaks.Value;                      // measured before the first timing, on its threads
                    return TrainThroughputRow.From(bench.Value.Measure(spec, options), peak, nominal, TrainThroughputMeter.LoadAverage(), provenance);
                },
                missing => Console.WriteLine($"measuring {missing.Count} model(s) ({options.WarmupBatches} warm-up + {options.Repetitions} × {options.Batches} batches each" +
                                             (concurrent > 1 ? $", {concurrent} bench-train processes at once" : "") +
                                             $"; {specs.Count - missing.Count} cached for commit {provenance.GitCommit[..Math.Min(8, provenance.GitCommit.Length)]})"),
                row => Console.WriteLine($"  {row.Model,-36} {Number(row.ImagesPerSecond, "N0"),8} train images/s  {Number(row.EvalImagesPerSecond, "N0"),8} eval images/s"));
        }
        finally
        {
            if (bench.IsValueCreated) bench.Value.Dispose();
        }
    }

    /// <summary>
    /// <paramref name="count"/> bench-train processes of <paramref name="spec"/> that begin their warm-up at one moment
    /// (after every one has loaded), so their timed batches overlap; their rows combined by
    /// <see cref="TrainThroughputRow.Concurrently"/>.
    /// </summary>
    static TrainThroughputRow MeasureConcurrently(ModelSpec spec, TrainThroughputOptions options, int count)
    {
        var scratch = Directory.CreateTempSubdirectory("fashionbench-plan-");
        try
        {
            var folders = Enumerable.Range(1, count).Select(k => Path.Combine(scratch.FullName, k.ToString(CultureInfo.InvariantCulture))).ToList();
            var start = DateTimeOffset.UtcNow + StartUp;
            // As many slots as processes: all start together, and their warm-ups wait for the common start time.
            var pool = WorkerPool.Run(folders, folders.Count, (folder, _) => ProcessWorker.Attach(SelfProcess.Start(
            [
                "bench-train", "--model", spec.Id, "--results", folder,
                "--threads", Number(options.Threads, "0"), "--batches", Number(options.Batches, "0"),
                "--repetitions", Number(options.Repetitions, "0"), "--warmup", Number(options.WarmupBatches, "0"),
                "--start-at", start.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ]), _ => { }), CancellationToken.None);
            if (pool.Failed is [var failure, ..])
                throw new UserError($"plan: bench-train {spec.Id} failed (exit {failure.ExitCode}): {failure.LastError ?? "no message"}");
            return TrainThroughputRow.Concurrently(folders.Select(f => TrainThroughputCsv.Read(TrainThroughputCsv.PathIn(f)).Single()).ToList());
        }
        finally { scratch.Delete(recursive: true); }
    }

    // Time for a bench-train process to start, load libtorch and the dataset (2–4 s here), with room to spare.
    static readonly TimeSpan StartUp = TimeSpan.FromSeconds(10);

    static void Print(Profile profile, IReadOnlyList<TrainThroughputEstimate> runs, int jobs, int threads)
    {
        var width = Math.Max(5, runs.Max(r => r.Model.Length));
        Console.WriteLine($"{"model".PadRight(width)}  runs  epochs  train img/s  eval img/s   s/epoch          total    TFLOP");
        foreach (var group in runs.GroupBy(r => r.Model))
        {
            var first = group.First();
            Console.WriteLine($"{group.Key.PadRight(width)}  {group.Count(),4}  {first.Epochs,6}  {Number(first.TrainImagesPerSecond, "N0"),11}  " +
                              $"{Number(first.EvalImagesPerSecond, "N0"),10}  {Number(first.EpochSeconds, "N1"),8}  {Duration(group.Sum(r => r.Seconds)),13}  " +
                              $"{Number(group.Sum(r => r.TrainFlops + r.EvalFlops) / 1e12, "N1"),7}");
        }
        var (work, train, eval) = (runs.Sum(r => r.Seconds), runs.Sum(r => r.TrainFlops), runs.Sum(r => r.EvalFlops));
        var seconds = RunSchedule.Makespan(runs.Select(r => r.Seconds), jobs);
        Console.WriteLine($"profile {profile.Name}: {runs.Count} run(s), estimated {Duration(seconds)} on {jobs} worker(s) × {threads} thread(s)" +
                          (jobs > 1 ? $", longest first ({Duration(work)} of run time in all)" : "") +
                          " (planned epochs; early stopping can only shorten it)");
        Console.WriteLine($"FLOPs: {Number(train / 1e12, "N1")} TFLOP training (3 × forward) + {Number(eval / 1e12, "N1")} TFLOP evaluation = " +
                          $"{Number((train + eval) / 1e12, "N1")} TFLOP; mean {Number((train + eval) / seconds / 1e9, "N1")} GFLOP/s");
    }

    static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    static string Duration(double seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalHours >= 1 ? $"{(int)t.TotalHours} h {t.Minutes:00} min" : t.TotalMinutes >= 1 ? $"{t.Minutes} min {t.Seconds:00} s"
            : string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s");
    }
}
