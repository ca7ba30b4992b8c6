using System.CommandLine;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Export;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Harness.Workers;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench bench`: inference throughput, TorchSharp (plain and tuned) against ONNX Runtime, per batch size
/// (throughput.csv). Each model is timed in a process of its own (this executable, `bench --worker-of PID --models ID
/// --throughput-out FILE`): in one process, the models timed earlier slowed ONNX Runtime on the later ones up to 4×
/// (docs/performance.md). The parent holds the results lock, prints the workers' lines and writes throughput.csv once.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions(Profile.Default, workers: true, loadsWeights: true);
        var batchSizes = new Option<string>("--batch-sizes") { Description = "Comma-separated batch sizes", DefaultValueFactory = _ => "1,64,1024" };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed repetitions (median reported)", DefaultValueFactory = _ => 5 };
        var repetitionSeconds = new Option<double?>("--repetition-seconds") { Description = "Minimum seconds per repetition (default 0.2; 0.05 for the smoke profile)" };
        var output = new Option<string?>("--throughput-out") { Hidden = true };
        var command = new Command("bench", "Measure inference images/s of TorchSharp and ONNX Runtime for each trained model, each in a process of its own")
        {
            batchSizes, repetitions, repetitionSeconds, output,
        };
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var pipelineSettings = options.Read(parse);
            var defaults = InferenceThroughputSettings.For(pipelineSettings.Profile);
            var settings = (defaults with
            {
                BatchSizes = InferenceThroughputSettings.ParseBatchSizes(parse.GetValue(batchSizes)!),
                Repetitions = parse.GetValue(repetitions),
                RepetitionSeconds = parse.GetValue(repetitionSeconds) ?? defaults.RepetitionSeconds,
                Threads = pipelineSettings.Threads,
                Device = pipelineSettings.Device == "auto" ? "cpu" : pipelineSettings.Device,
            }).Validated();
            using var session = PipelineSession.Open(pipelineSettings);
            var specs = session.PlannedSpecs();
            if (pipelineSettings.WorkerOf is null && specs.Count > 1)
                return Workers(session, specs.Select(s => s.Id).ToList(), pipelineSettings, settings);
            var export = new ExportPipeline(session.Store, session.Datasets, session.Device);
            new ThroughputPipeline(session.Store, session.Device, settings with { Device = DeviceSelector.NameOf(session.Device) }, PipelineSession.Notice,
                    pipelineSettings.InitialWeights)
                .Run(specs, export.OnnxPath, r => Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0,-34} {1,-16} {2} batch {3,5}: {4,10:N0} images/s  p50 {5:0.000} ms  p95 {6:0.000} ms  p99 {7:0.000} ms",
                    r.Model, r.Engine, r.Device, r.BatchSize, r.ImagesPerSecond, r.P50Ms, r.P95Ms, r.P99Ms)),
                    parse.GetValue(output));
            return 0;
        });
        return command;
    }

    /// <summary>One worker process per model, one after another (they share the cores); their records in catalogue order.</summary>
    static int Workers(PipelineSession session, IReadOnlyList<string> models, PipelineSettings pipeline, InferenceThroughputSettings settings)
    {
        var scratch = Directory.CreateTempSubdirectory("fashionbench-bench-").FullName;
        try
        {
            var jobs = models.Select((model, k) => (Model: model, File: Path.Combine(scratch, $"{k}.csv"))).ToList();
            // A worker's stderr is kept only for the reason of a failure: each one would repeat libtorch's start-up warnings.
            var pool = WorkerPool.Run(jobs, slots: 1, (job, _) => ProcessWorker.Attach(SelfProcess.Start(
            [
                "bench", "--worker-of", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "--results", pipeline.Results,
                "--profile", pipeline.Profile.Name, "--models", job.Model, "--device", pipeline.Device,
                "--threads", pipeline.Threads.ToString(CultureInfo.InvariantCulture),
                "--batch-sizes", string.Join(',', settings.BatchSizes.Select(b => b.ToString(CultureInfo.InvariantCulture))),
                "--repetitions", settings.Repetitions.ToString(CultureInfo.InvariantCulture),
                "--repetition-seconds", settings.RepetitionSeconds.ToString("R", CultureInfo.InvariantCulture), "--throughput-out", job.File,
                .. pipeline.Profile.Epochs is { } epochs && epochs != Profile.Get(pipeline.Profile.Name).Epochs ? new[] { "--epochs", epochs.ToString(CultureInfo.InvariantCulture) } : [],
                .. pipeline.LibTorch is { } libtorch ? new[] { "--libtorch", libtorch } : [],
                .. pipeline.InitialWeights ? new[] { "--initial-weights" } : [],
            ]), Console.WriteLine), CancellationToken.None);
            if (pool.Failed is [var failure, ..])
            {
                var message = failure.LastError ?? $"exit code {failure.ExitCode}";
                throw new UserError($"bench of {failure.Job.Model}: {(message.StartsWith("error: ", StringComparison.Ordinal) ? message[7..] : message)}");
            }
            var notTimed = jobs.SelectMany(j => InferenceThroughputCsv.ReadNotTimed(j.File)).ToList();
            InferenceThroughputCsv.Write(session.Store.TableOf(RunStore.ThroughputTable), jobs.SelectMany(j => InferenceThroughputCsv.Read(j.File)).ToList(), notTimed);
            foreach (var engine in notTimed) PipelineSession.Notice(engine.Line);   // the workers' own notices went to their stderr, which is kept only for a failure
            return 0;
        }
        finally { Directory.Delete(scratch, recursive: true); }
    }
}
