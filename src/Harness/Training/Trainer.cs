using System.Diagnostics;
using FashionBench.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// Trains one spec. Every random draw derives from (seed, epoch): initial weights from the seed, and per epoch the
/// shuffle, the augmentation and dropout — so an interrupted run resumed from its last epoch checkpoint ends with
/// exactly the metrics of an uninterrupted one.
/// </summary>
public static class Trainer
{
    public static TrainingOutcome Train(ModelSpec spec, TrainingData data, TrainerOptions options)
    {
        var recipe = spec.Recipe;
        var session = TrainingSession.Create(spec, data, options.Device, options.Seed, options.Epochs);
        var (model, optimizer, schedule) = (session.Model, session.Optimizer, session.Schedule);
        var (mean, std) = session.Normalization;

        Directory.CreateDirectory(options.CheckpointDir);
        var checkpoint = new Checkpoint(options.CheckpointDir);
        var state = checkpoint.Load(options.ConfigHash, model, optimizer)
            ?? new TrainerState(options.ConfigHash, 0, 0, [], schedule.Plateau, double.PositiveInfinity, 0, false, "", "", null);
        var resumedAfter = state.CompletedEpochs;
        schedule.Plateau = state.Plateau;

        for (var epoch = state.CompletedEpochs; epoch < options.Epochs && !state.Stopped; epoch++)
        {
            using var epochScope = NewDisposeScope();                      // evaluation and checkpoint temporaries
            var clock = Stopwatch.StartNew();
            using var pass = session.BeginEpoch(epoch, state.Step);
            pass.Run(pass.Batches, options.Progress, options.Cancel);
            var (trainLoss, trainAccuracy) = pass.Means();
            Synchronize(options.Device);
            var trainSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var validation = Evaluator.Evaluate(model, data.ValidationImages, data.ValidationLabels, mean, std);
            var evalSeconds = clock.Elapsed.TotalSeconds;
            schedule.EndEpoch(validation.Loss);

            var improved = validation.Loss < state.BestValidationLoss;
            var sinceBest = improved ? 0 : epoch + 1 - state.BestEpoch;
            var stop = recipe.EarlyStopping is { } es && sinceBest >= es.Patience;
            state = checkpoint.Save(state with
            {
                CompletedEpochs = epoch + 1,
                Step = pass.Step,
                Curves = [.. state.Curves, new EpochRecord(epoch + 1, trainLoss, trainAccuracy, validation.Loss,
                    validation.Accuracy, pass.LearningRate, trainSeconds, evalSeconds)],
                Plateau = schedule.Plateau,
                BestValidationLoss = improved ? validation.Loss : state.BestValidationLoss,
                BestEpoch = improved ? epoch + 1 : state.BestEpoch,
                Stopped = stop,
            }, model, optimizer, isBest: improved && recipe.EarlyStopping is not null);
        }

        if (recipe.EarlyStopping is { RestoreBest: true }) checkpoint.LoadBest(state, model);
        return new TrainingOutcome(model, state.Curves, state.Stopped, state.BestEpoch, resumedAfter);
    }

    /// <summary>The (mean, std) the recipe normalises with; the dataset's own statistics unless it states others.</summary>
    public static (double Mean, double Std) Normalization(NormalizationSpec spec, TrainingData data) =>
        (spec.Mean ?? data.DatasetMean, spec.Std ?? data.DatasetStd);

    static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }

    /// <summary>A per-epoch seed: distinct for every (seed, epoch), identical on every run and resume.</summary>
    public static long MixSeed(long seed, int epoch)
    {
        // SplitMix64 finaliser over seed and epoch.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)epoch + 1);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (long)((z ^ (z >> 31)) & 0x7FFFFFFFFFFFFFFFUL);
    }
}
