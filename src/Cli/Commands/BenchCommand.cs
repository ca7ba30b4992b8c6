using System.CommandLine;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness.Export;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;

namespace FashionBench.Cli.Commands;

/// <summary>`fashionbench bench`: inference throughput, TorchSharp against ONNX Runtime, per batch size (throughput.csv).</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions(Profile.Default);
        var batchSizes = new Option<string>("--batch-sizes") { Description = "Comma-separated batch sizes", DefaultValueFactory = _ => "1,64,1024" };
        var repetitions = new Option<int>("--repetitions") { Description = "Timed repetitions (median reported)", DefaultValueFactory = _ => 5 };
        var repetitionSeconds = new Option<double?>("--repetition-seconds") { Description = "Minimum seconds per repetition (default 0.2; 0.05 for the smoke profile)" };
        var command = new Command("bench", "Measure inference images/s of TorchSharp and ONNX Runtime for each trained model")
        {
            batchSizes, repetitions, repetitionSeconds,
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
            var export = new ExportPipeline(session.Store, session.Datasets, session.Device);
            new ThroughputPipeline(session.Store, session.Device, settings with { Device = DeviceSelector.NameOf(session.Device) }, PipelineSession.Notice)
                .Run(session.PlannedSpecs(), export.OnnxPath, r => Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0,-34} {1,-12} {2} batch {3,5}: {4,10:N0} images/s  p50 {5:0.000} ms  p95 {6:0.000} ms",
                    r.Model, r.Engine, r.Device, r.BatchSize, r.ImagesPerSecond, r.P50Ms, r.P95Ms)));
            return 0;
        });
        return command;
    }
}
