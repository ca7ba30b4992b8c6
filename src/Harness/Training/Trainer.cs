using System.Diagnostics;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// Trains one spec. Every random draw derives from (seed, epoch): initial weights from the seed, and per epoch the
/// shuffle, the augmentation and dropout — so an interrupted run resumed from its last epoch checkpoint ends with
/// exactly the metrics of an uninterrupted one.
/// </summary>
public static class Trainer
{
    const int ProgressEveryBatches = 20;

    public static TrainingOutcome Train(ModelSpec spec, TrainingData data, TrainerOptions options)
    {
        var recipe = spec.Recipe;
        var device = options.Device;
        var (mean, std) = Normalization(recipe.Normalization, data);
        long n = data.TrainImages.shape[0], batchesPerEpoch = (n + recipe.BatchSize - 1) / recipe.BatchSize;

        manual_seed(options.Seed);
        var model = TorchBuilder.Build(spec);
        model.to(device);
        var optimizer = CreateOptimizer(recipe.Optimizer, model);
        var schedule = new LrSchedule(recipe.Schedule, recipe.Optimizer.LearningRate, batchesPerEpoch * options.Epochs);
        var l2Weights = DenseWeights(spec, model);
        var augmenter = new Augmenter(recipe.Augmentation);

        Directory.CreateDirectory(options.CheckpointDir);
        var checkpoint = new Checkpoint(options.CheckpointDir);
        var state = checkpoint.Load(options.ConfigHash, model, optimizer)
            ?? new TrainerState(options.ConfigHash, 0, 0, [], schedule.Plateau, double.PositiveInfinity, 0, false, "", "", null);
        var resumedAfter = state.CompletedEpochs;
        schedule.Plateau = state.Plateau;

        for (var epoch = state.CompletedEpochs; epoch < options.Epochs && !state.Stopped; epoch++)
        {
            using var epochScope = NewDisposeScope();                      // the shuffle order, running sums, checkpoint temporaries
            var epochSeed = MixSeed(options.Seed, epoch);
            manual_seed(epochSeed);                                      // dropout draws from the global generator
            using var generator = new Generator((ulong)(epochSeed ^ 0x5DEECE66DL), device);
            using var shuffleGenerator = new Generator((ulong)epochSeed, CPU);

            model.train();
            var clock = Stopwatch.StartNew();
            var order = randperm(n, generator: shuffleGenerator).to(device);
            var lossSum = zeros(1, float64, device);
            var correct = zeros(1, int64, device);
            var step = state.Step;
            var lr = 0.0;
            for (long b = 0; b < batchesPerEpoch; b++, step++)
            {
                options.Cancel.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                lr = schedule.LearningRate(epoch, step);
                SetOptimizerValues(optimizer, lr, schedule.Momentum(step));

                var count = Math.Min(recipe.BatchSize, n - b * recipe.BatchSize);
                var index = order.narrow(0, b * recipe.BatchSize, count);
                var x = augmenter.Apply(data.TrainImages.index_select(0, index), generator).sub_(mean).div_(std); // [B,1,28,28]
                var y = data.TrainLabels.index_select(0, index);                                                   // [B]

                optimizer.zero_grad();
                var logits = model.forward(x);                                                                     // [B,10]
                var loss = nn.functional.cross_entropy(logits, y);
                var objective = recipe.L2 is { } l2 ? loss + l2.Lambda * L2Penalty(l2Weights) : loss;
                objective.backward();
                optimizer.step();

                lossSum.add_(loss.detach().to(float64) * count);
                correct.add_(logits.argmax(1).eq(y).sum());
                if (options.Progress is not null && (b % ProgressEveryBatches == 0 || b == batchesPerEpoch - 1))
                    options.Progress.Report(new TrainingProgress(epoch + 1, options.Epochs, b + 1, batchesPerEpoch,
                        loss.item<float>(), (b * recipe.BatchSize + count) / clock.Elapsed.TotalSeconds));
            }
            var (trainLoss, trainAccuracy) = (lossSum.item<double>() / n, correct.item<long>() / (double)n);
            Synchronize(device);
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
                Step = step,
                Curves = [.. state.Curves, new EpochRecord(epoch + 1, trainLoss, trainAccuracy, validation.Loss,
                    validation.Accuracy, lr, trainSeconds, evalSeconds)],
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

    static OptimizerHelper CreateOptimizer(OptimizerSpec spec, nn.Module model) => spec.Kind switch
    {
        OptimizerKind.Adam => optim.Adam(model.parameters(), spec.LearningRate, weight_decay: spec.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(model.parameters(), spec.LearningRate, momentum: spec.Momentum,
            weight_decay: spec.WeightDecay, nesterov: spec.Nesterov),
        _ => throw new ArgumentException($"unknown optimiser {spec.Kind}"),
    };

    static void SetOptimizerValues(OptimizerHelper optimizer, double lr, double? momentum)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = lr;
            if (momentum is { } m && group is optim.IMomentum withMomentum) withMomentum.Momentum = m;
        }
    }

    // Weights of the spec's top-level Dense layers ("layers.{i}.weight"), which Keras-style L2 applies to.
    static Tensor[] DenseWeights(ModelSpec spec, nn.Module model)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        return spec.Layers.Select((layer, i) => (layer, i)).Where(t => t.layer is Dense)
            .Select(t => (Tensor)parameters[$"layers.{t.i}.weight"]).ToArray();
    }

    static Tensor L2Penalty(Tensor[] weights) => weights.Select(w => w.pow(2).sum()).Aggregate((a, b) => a + b);

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
