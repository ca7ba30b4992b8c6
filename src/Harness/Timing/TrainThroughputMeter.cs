using System.Diagnostics;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Training;
using FashionBench.Models;
using FashionBench.Models.Building;
using static TorchSharp.torch;

namespace FashionBench.Harness.Timing;

/// <summary>
/// Times the real training loop (<see cref="TrainingSession"/> / <see cref="EpochPass"/>: the trainer's own code, with
/// augmentation as the recipe says) on the first batches of a run, and the evaluator on validation images.
/// </summary>
public static class TrainThroughputMeter
{
    public const string Engine = "torchsharp";

    /// <summary>Sets libtorch's intra-op threads to <see cref="TrainThroughputOptions.Threads"/> (process-wide), then measures.</summary>
    public static TrainThroughput Measure(ModelSpec spec, TrainingData data, TrainThroughputOptions options)
    {
        set_num_threads(options.Threads);
        using var scope = NewDisposeScope();
        var session = TrainingSession.Create(spec, data, options.Device, options.Seed, spec.Recipe.Epochs);
        var pass = session.BeginEpoch(0, 0);
        try
        {
            long Run(long batches)                                          // returns the images trained on
            {
                long images = 0;
                while (batches > 0)
                {
                    if (pass.Done == pass.Batches) pass = NextEpoch(session, pass);
                    var (before, take) = (pass.Images, Math.Min(batches, pass.Batches - pass.Done));
                    pass.Run(take);
                    if (pass.NonFinite is { } bad)                          // a rate of NaN steps would mean nothing
                        throw new UserError($"bench-train {spec.Id}: the training loss became {bad.Loss} at batch {bad.Batch} " +
                                            $"of epoch {pass.Epoch + 1}; run `fashionbench doctor` to check this machine's kernels");
                    (images, batches) = (images + pass.Images - before, batches - take);
                }
                return images;
            }

            if (options.StartAt is { } start && start > DateTimeOffset.UtcNow) Thread.Sleep(start - DateTimeOffset.UtcNow);
            Run(options.WarmupBatches);
            var (train, trainCpu) = Repeat(options, () => Run(options.Batches));
            var trainLoss = pass.Means().Loss;

            var evalCount = Math.Min(options.EvalImages, data.ValidationImages.shape[0]);
            var (evalImages, evalLabels) = (data.ValidationImages.narrow(0, 0, evalCount), data.ValidationLabels.narrow(0, 0, evalCount));
            var (mean, std) = session.Normalization;
            long Evaluate()
            {
                Evaluator.Evaluate(session.Model, evalImages, evalLabels, mean, std);
                return evalCount;
            }
            Evaluate();                                                     // warm-up
            var (eval, _) = Repeat(options, Evaluate);

            return new TrainThroughput(Engine, $"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)} / libtorch {__version__}",
                spec.Id, get_num_threads(), spec.Recipe.BatchSize, options.Batches, options.WarmupBatches, train, eval, trainCpu,
                3.0 * SpecCost.Of(spec).ForwardFlops, Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, trainLoss);
        }
        finally
        {
            pass.Dispose();
            session.Model.Dispose();
        }
    }

    /// <summary>The 1-minute load average (/proc/loadavg), to state beside a measurement; null where there is none.</summary>
    public static double? LoadAverage()
    {
        const string path = "/proc/loadavg";
        if (!File.Exists(path)) return null;
        var first = File.ReadAllText(path).Split(' ')[0];
        return double.TryParse(first, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load : null;
    }

    static EpochPass NextEpoch(TrainingSession session, EpochPass finished)
    {
        finished.Dispose();
        return session.BeginEpoch(finished.Epoch + 1, finished.Step);
    }

    // Images/s and CPU milliseconds per image of each repetition; the work is synchronous on the CPU, and CUDA is
    // synchronised before the clock stops.
    internal static (List<double> Rates, List<double> CpuMilliseconds) Repeat(TrainThroughputOptions options, Func<long> work)
    {
        var (rates, cpu) = (new List<double>(), new List<double>());
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < options.Repetitions; r++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var images = work();
            if (options.Device.type == TorchSharp.DeviceType.CUDA) cuda.synchronize(options.Device);
            rates.Add(images / clock.Elapsed.TotalSeconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / images);
        }
        return (rates, cpu);
    }
}
