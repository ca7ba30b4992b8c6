using System.Diagnostics;
using FashionBench.Harness.Evaluation;
using FashionBench.Models;
using FashionBench.Models.Building;
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
        schedule.Plateau = state.Plateau;
        (int Epoch, long Batch, string What)? diverged = null;

        for (var epoch = state.CompletedEpochs; epoch < options.Epochs && !state.Stopped; epoch++)
        {
            using var epochScope = NewDisposeScope();                      // evaluation and checkpoint temporaries
            var clock = Stopwatch.StartNew();
            using var pass = session.BeginEpoch(epoch, state.Step);
            pass.Run(pass.Batches, options.Progress, options.Cancel);
            if (pass.NonFinite is { } bad)
            {
                diverged = (epoch + 1, bad.Batch, $"training loss {bad.Loss.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                break;
            }
            var (trainLoss, trainAccuracy) = pass.Means();
            Synchronize(options.Device);
            var trainSeconds = clock.Elapsed.TotalSeconds;

            clock.Restart();
            var validation = Evaluator.Evaluate(model, data.ValidationImages, data.ValidationLabels, mean, std);
            var evalSeconds = clock.Elapsed.TotalSeconds;
            if (!double.IsFinite(validation.Loss))                          // the last step left non-finite weights
            {
                diverged = (epoch + 1, pass.Batches, "validation loss non-finite after the epoch's last step");
                break;
            }
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

        var health = RunHealth.Ok;
        if (diverged is { } d)
            health = RunHealth.Diverged(d.Epoch, d.Batch, d.What, RestoreLastFinite(spec, options.Seed, recipe, state, checkpoint, model));
        else if (recipe.EarlyStopping is { RestoreBest: true }) checkpoint.LoadBest(state, model);
        return new TrainingOutcome(model, state.Curves, state.Stopped, state.BestEpoch, health);
    }

    /// <summary>
    /// After a divergence, loads the weights the test set is evaluated with: the best checkpoint when the recipe restores
    /// the best, else the last completed epoch's, else the initial weights. Returns that epoch (0: as initialised).
    /// </summary>
    static int RestoreLastFinite(ModelSpec spec, long seed, TrainingRecipe recipe, TrainerState state, Checkpoint checkpoint, SpecModule model)
    {
        if (recipe.EarlyStopping is { RestoreBest: true } && state.BestFile is not null)
        {
            checkpoint.LoadBest(state, model);
            return state.BestEpoch;
        }
        if (state.CompletedEpochs > 0)
        {
            checkpoint.LoadLatest(state, model);
            return state.CompletedEpochs;
        }
        using var initial = TorchBuilder.Build(spec, seed);
        model.load_state_dict(initial.state_dict());
        return 0;
    }

    /// <summary>The (mean, std) the recipe normalises with; the dataset's own statistics unless it states others.</summary>
    public static (double Mean, double Std) Normalization(NormalizationSpec spec, TrainingData data) =>
        spec.Resolve(data.DatasetMean, data.DatasetStd);

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
