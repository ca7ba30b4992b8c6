using System.CommandLine;
using System.Globalization;
using FashionBench.Harness;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Models;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench plan [--profile P] [--models GLOB] [--seeds N] [--threads T]`: the estimated wall time and FLOPs of a
/// profile's run matrix on this machine. Each model's rates come from results/perf/train_throughput.csv (this commit,
/// these threads), measured with bench-train's machinery on a few batches where missing, and cached there.
/// </summary>
public static class PlanCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile") { Description = "smoke | quick | documented | extended", DefaultValueFactory = _ => Profile.Default };
        var models = new Option<string?>("--models") { Description = "Model id glob(s), comma-separated" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per model", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var batches = new Option<int>("--batches") { Description = "Batches per timed repetition when measuring a model", DefaultValueFactory = _ => 10 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed repetitions when measuring a model", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up batches when measuring a model", DefaultValueFactory = _ => 5 };
        var remeasure = new Option<bool>("--remeasure") { Description = "Measure every model again instead of reusing this commit's measurements" };
        var results = new Option<string>("--results") { Description = "Results root (measurements cached in <results>/perf/train_throughput.csv)", DefaultValueFactory = _ => "results" };
        var command = new Command("plan", "Estimate the wall time and FLOPs of a profile's training matrix on this machine")
        {
            profile, models, seeds, threads, batches, repetitions, warmup, remeasure, results,
        };
        command.SetAction(parse =>
        {
            var options = BenchTrainCommand.ReadOptions(parse.GetValue(threads), parse.GetValue(batches), parse.GetValue(repetitions), parse.GetValue(warmup));
            var chosen = Profile.Get(parse.GetValue(profile)!);
            var plan = RunMatrix.Plan(chosen, parse.GetValue(models), parse.GetValue(seeds), 1, "cpu", Shard.Whole);
            var measured = Measurements(plan.Select(p => p.Spec).DistinctBy(s => s.Id).ToList(), options, parse.GetValue(remeasure), parse.GetValue(results)!);
            Print(chosen, TrainThroughputPlan.Estimate(plan, measured), options.Threads);
            return 0;
        });
        return command;
    }

    static Dictionary<string, TrainThroughputRow> Measurements(IReadOnlyList<ModelSpec> specs, TrainThroughputOptions options,
        bool remeasure, string results)
    {
        var repoRoot = RepoRoot.Find();
        var provenance = Provenance.Capture(repoRoot);
        var path = TrainThroughputCsv.PathIn(results);
        var cached = remeasure ? [] : TrainThroughputCsv.Read(path)
            .Where(r => r.Engine == TrainThroughputMeter.Engine && r.Threads == options.Threads && r.GitCommit == provenance.GitCommit)
            .ToDictionary(r => r.Model);
        var missing = specs.Where(s => !cached.ContainsKey(s.Id)).ToList();
        if (missing.Count > 0)
        {
            Console.WriteLine($"measuring {missing.Count} model(s) ({options.WarmupBatches} warm-up + {options.Repetitions} × {options.Batches} batches each; " +
                              $"{specs.Count - missing.Count} cached for commit {provenance.GitCommit[..Math.Min(8, provenance.GitCommit.Length)]})");
            using var bench = BenchTrainCommand.OpenBench(repoRoot);
            var peak = CpuPeak.Detect(options.Threads);
            foreach (var spec in missing)
            {
                var row = TrainThroughputRow.From(bench.Measure(spec, options), peak, TrainThroughputMeter.LoadAverage(), provenance);
                TrainThroughputCsv.Upsert(path, [row]);                     // one at a time: an interrupted plan keeps what it measured
                cached[spec.Id] = row;
                Console.WriteLine($"  {spec.Id,-36} {Number(row.ImagesPerSecond, "N0"),8} train images/s  {Number(row.EvalImagesPerSecond, "N0"),8} eval images/s");
            }
        }
        return cached;
    }

    static void Print(Profile profile, IReadOnlyList<TrainThroughputEstimate> runs, int threads)
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
        var (seconds, train, eval) = (runs.Sum(r => r.Seconds), runs.Sum(r => r.TrainFlops), runs.Sum(r => r.EvalFlops));
        Console.WriteLine($"profile {profile.Name}: {runs.Count} run(s), estimated {Duration(seconds)} on {threads} thread(s) " +
                          $"(planned epochs; early stopping can only shorten it)");
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
