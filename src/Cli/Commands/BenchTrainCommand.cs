using System.CommandLine;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Data;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Harness.Training;
using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench bench-train --model ID [--batches N] [--repetitions R] [--warmup W] [--threads T] [--peer torchsharp-plain,pytorch]`:
/// training throughput of one model on the real trainer path and data, against the CPU's FP32 peak and, on request,
/// its peers: a plain TorchSharp loop on the same libtorch, and Debian's PyTorch 1.13 (generic BLAS); appends (or
/// replaces) their rows in results/perf/train_throughput.csv.
/// </summary>
public static class BenchTrainCommand
{
    public static readonly string[] Peers = [PlainTorchSharpPeer.Engine, TrainThroughputPeer.Engine];

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Catalogue id (see `fashionbench models`)", Required = true };
        var batches = new Option<int>("--batches") { Description = "Batches per timed repetition", DefaultValueFactory = _ => 20 };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed repetitions (median reported; at least 5 for a figure worth quoting)", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up batches", DefaultValueFactory = _ => 10 };
        var threads = new Option<int>("--threads") { Description = "Intra-op threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var peer = new Option<string>("--peer")
        {
            Description = $"Comma-separated peers on the same protocol: {PlainTorchSharpPeer.Engine} (a plain TorchSharp loop, same libtorch), " +
                          $"{TrainThroughputPeer.Engine} (tests/peers/pytorch_train.py: Debian's PyTorch 1.13, generic BLAS), or none",
            DefaultValueFactory = _ => "none",
        };
        var results = new Option<string>("--results") { Description = "Results root (writes <results>/perf/train_throughput.csv)", DefaultValueFactory = _ => "results" };
        // `plan --jobs` starts several bench-train processes with one start time, so that their timed batches overlap.
        var startAt = new Option<long?>("--start-at") { Hidden = true, Description = "Unix time (ms) to begin the warm-up at" };
        var command = new Command("bench-train", "Measure training throughput (images/s, GFLOP/s, % of FP32 peak) of one model, optionally against PyTorch")
        {
            model, batches, repetitions, warmup, threads, peer, results, startAt,
        };
        command.SetAction(parse =>
        {
            var spec = ModelCatalog.Find(parse.GetValue(model)!)
                ?? throw new UserError($"--model: unknown model '{parse.GetValue(model)}' (see `fashionbench models`)");
            var peers = parse.GetValue(peer)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(p => p != "none").ToList();
            if (peers.FirstOrDefault(p => !Peers.Contains(p)) is { } unknown)
                throw new UserError($"--peer: unknown peer '{unknown}' (use {string.Join(", ", Peers)} or none, comma-separated)");
            var options = ReadOptions(parse.GetValue(threads), parse.GetValue(batches), parse.GetValue(repetitions), parse.GetValue(warmup))
                with { StartAt = parse.GetValue(startAt) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null };
            Run(spec, options, peers, PathRules.WritableFolder("--results", parse.GetValue(results)!));
            return 0;
        });
        return command;
    }

    /// <summary>Validates the measurement options shared with `plan`.</summary>
    public static TrainThroughputOptions ReadOptions(int threads, int batches, int repetitions, int warmup)
    {
        if (threads <= 0) throw new UserError($"--threads: must be at least 1, got {threads}");
        if (batches <= 0) throw new UserError($"--batches: must be at least 1, got {batches}");
        if (repetitions <= 0) throw new UserError($"--repetitions: must be at least 1, got {repetitions}");
        if (warmup < 0) throw new UserError($"--warmup: must be at least 0, got {warmup}");
        return new TrainThroughputOptions(CPU, threads, batches, repetitions, warmup);
    }

    /// <summary>The bench for the repository's datasets (cache, FASHIONBENCH_DATA_MIRROR, Debian package, HTTP).</summary>
    public static TrainThroughputBench OpenBench(string repoRoot) =>
        new(repoRoot, DatasetAcquirer.FromEnvironment(repoRoot, PipelineSession.Notice));

    static void Run(ModelSpec spec, TrainThroughputOptions options, IReadOnlyList<string> peers, string results)
    {
        var repoRoot = RepoRoot.Find();
        set_num_threads(options.Threads);
        KernelCheck.Ensure(PipelineSession.Notice);                         // before anything is timed
        var nominal = CpuPeak.Detect(options.Threads);
        var peak = FmaPeak.For(options.Threads);                           // measured before the timing, on its threads
        var load = TrainThroughputMeter.LoadAverage();
        Console.WriteLine($"bench-train {spec.Id}: batch {spec.Recipe.BatchSize}, augmentation {Describe(spec.Recipe.Augmentation)}, " +
                          $"{options.Threads} thread(s), CPU kernels {KernelIsa.Describe()}, load average {Format(load, "0.00")} before");
        using var bench = OpenBench(repoRoot);
        // The plain loop goes first: the trainer's heap setting is process-wide (PlainTorchSharpPeer).
        var plain = peers.Contains(PlainTorchSharpPeer.Engine) ? bench.MeasurePlain(spec, options) : null;
        var ours = bench.Measure(spec, options);
        var measured = new List<TrainThroughput> { ours };
        Print(ours, peak, nominal);
        if (plain is not null) Compare(plain);
        if (peers.Contains(TrainThroughputPeer.Engine))
        {
            var (pytorch, skipped) = bench.MeasurePeer(spec, options);
            if (pytorch is null) Console.WriteLine($"  peer {TrainThroughputPeer.Engine}: skipped — {skipped}");
            else Compare(pytorch);
        }
        var provenance = Provenance.Capture(repoRoot);
        var path = TrainThroughputCsv.PathIn(results);
        TrainThroughputCsv.Upsert(path, measured.Select(m => TrainThroughputRow.From(m, peak, nominal, load, provenance)).ToList());
        Console.WriteLine($"  load average {Format(TrainThroughputMeter.LoadAverage(), "0.00")} after; wrote {path}");

        void Compare(TrainThroughput peer)
        {
            measured.Add(peer);
            Print(peer, peak, nominal);
            Console.WriteLine($"  ratio        {Ratio(ours, peer)}");
        }
    }

    static void Print(TrainThroughput t, FmaPeak peak, CpuPeak? nominal)
    {
        var runs = t.ImagesPerSecondRuns;
        Console.WriteLine($"  {t.Engine} ({t.EngineVersion}, {t.Threads} thread(s))");
        Console.WriteLine($"    training   {Format(t.ImagesPerSecond, "N0")} images/s (median of {t.Repetitions} × {t.Batches} batches after {t.WarmupBatches} warm-up; " +
                          $"min {Format(runs.Min(), "N0")}, max {Format(runs.Max(), "N0")})");
        Console.WriteLine($"    CPU time   {Format(t.CpuMillisecondsPerImage, "0.000")} ms per image (all threads; robust to other load)");
        Console.WriteLine($"    compute    {Format(t.TrainFlopsPerImage / 1e6, "0.00")} MFLOP/image (3 × forward) → {Format(t.AchievedGFlops, "0.0")} GFLOP/s" +
                          $" = {Format(100 * t.AchievedGFlops / peak.GFlops, "0.0")} % of the measured peak");
        Console.WriteLine($"    peak       {peak.Derivation}");
        if (nominal is not null) Console.WriteLine($"    nominal    {nominal.Derivation} (the 'cpu MHz' clock, not the boost the cores run at)");
        Console.WriteLine($"    evaluation {Format(t.EvalImagesPerSecond, "N0")} images/s (eval mode, inference mode, batches of {Evaluator.BatchSize})");
        Console.WriteLine($"    peak RSS   {Format(t.PeakRssMb, "N0")} MB");
        Console.WriteLine($"    loss       {Format(t.TrainLoss, "0.000000")} (mean over all batches run; same seed and numerics → same value)");
    }

    static string Ratio(TrainThroughput ours, TrainThroughput peer) =>
        $"{ours.Engine} / {peer.Engine} = {Format(ours.ImagesPerSecond / peer.ImagesPerSecond, "0.00")}× training, " +
        $"{Format(ours.EvalImagesPerSecond / peer.EvalImagesPerSecond, "0.00")}× evaluation";

    static string Describe(AugmentationSpec a) => a.IsNone ? "off" : string.Join(", ", new[]
    {
        a.RotationDegrees > 0 ? $"rotation ±{Format(a.RotationDegrees, "0.#")}°" : null,
        a.Translate > 0 ? $"translate ±{Format(a.Translate, "0.##")}" : null,
        a.PadCrop > 0 ? $"pad-crop {a.PadCrop}" : null,
        a.HorizontalFlip ? "flip" : null,
    }.OfType<string>());

    static string Format(double? value, string format) =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}
