using System.Diagnostics;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Training;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Timing;

/// <summary>
/// The fair peer for training speed: the same libtorch, model and data, trained by a plain TorchSharp loop written the
/// way TorchSharp's examples write one (a dispose scope per batch, index_select of a shuffled permutation, the stock
/// Adam or SGD, zero_grad/backward/step), with the recipe's augmentation and L2 as the PyTorch peer
/// (tests/peers/pytorch_train.py) has them and, like it, no learning-rate schedule. None of the trainer's own choices:
/// no fused Adam, no channels-last batches, no change to the C heap. Timed by the same protocol as
/// <see cref="TrainThroughputMeter"/>.
/// </summary>
public static class PlainTorchSharpPeer
{
    public const string Engine = "torchsharp-plain";

    /// <summary>
    /// Measures the plain loop. Run it before the trainer in a process: the trainer's heap setting
    /// (<see cref="NativeHeap"/>) is process-wide and would otherwise speed this loop up too.
    /// </summary>
    public static TrainThroughput Measure(ModelSpec spec, TrainingData data, TrainThroughputOptions options)
    {
        if (NativeHeap.Applied)
            throw new InvalidOperationException("the plain peer must be measured before the trainer has changed the C heap settings");
        set_num_threads(options.Threads);
        var recipe = spec.Recipe;
        var (mean, std) = Trainer.Normalization(recipe.Normalization, data);
        using var model = TorchBuilder.Build(spec, options.Seed);
        model.to(options.Device);
        using var optimizer = recipe.Optimizer.Kind == OptimizerKind.Adam
            ? (optim.Optimizer)optim.Adam(model.parameters(), recipe.Optimizer.LearningRate, weight_decay: recipe.Optimizer.WeightDecay)
            : optim.SGD(model.parameters(), recipe.Optimizer.LearningRate, momentum: recipe.Optimizer.Momentum,
                weight_decay: recipe.Optimizer.WeightDecay, nesterov: recipe.Optimizer.Nesterov);
        var dense = TrainingSession.DenseWeights(spec, model);
        var augmenter = new Augmenter(recipe.Augmentation);
        using var generator = new Generator((ulong)options.Seed);
        var n = data.TrainImages.shape[0];
        var order = randperm(n, generator: generator);
        var (next, lossSum, seen) = (0L, 0.0, 0L);

        long Train(long batches)
        {
            model.train();
            long trained = 0;
            for (var b = 0; b < batches; b++)
            {
                if (next >= n) (order, next) = (randperm(n, generator: generator), 0);
                using var scope = NewDisposeScope();
                var index = order.narrow(0, next, Math.Min(recipe.BatchSize, n - next)).to(options.Device);
                next += recipe.BatchSize;
                var x = augmenter.Apply(data.TrainImages.index_select(0, index), generator).sub(mean).div(std);
                var y = data.TrainLabels.index_select(0, index);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(x), y);
                var objective = recipe.L2 is { } l2 ? loss + l2.Lambda * stack(dense.Select(w => w.pow(2).sum())).sum() : loss;
                objective.backward();
                optimizer.step();
                lossSum += loss.item<float>() * y.shape[0];
                (seen, trained) = (seen + y.shape[0], trained + y.shape[0]);
            }
            return trained;
        }

        var evalCount = Math.Min(options.EvalImages, data.ValidationImages.shape[0]);
        long Evaluate()
        {
            model.eval();
            using var inference = inference_mode();
            for (long start = 0; start < evalCount; start += Evaluation.Evaluator.BatchSize)
            {
                using var scope = NewDisposeScope();
                var x = data.ValidationImages.narrow(0, start, Math.Min(Evaluation.Evaluator.BatchSize, evalCount - start)).sub(mean).div(std);
                model.forward(x).softmax(1).max(1);
            }
            return evalCount;
        }

        try
        {
            if (options.StartAt is { } at && at > DateTimeOffset.UtcNow) Thread.Sleep(at - DateTimeOffset.UtcNow);
            Train(options.WarmupBatches);
            var (train, trainCpu) = TrainThroughputMeter.Repeat(options, () => Train(options.Batches));
            var trainLoss = lossSum / seen;
            Evaluate();                                                     // warm-up
            var (eval, _) = TrainThroughputMeter.Repeat(options, Evaluate);
            return new TrainThroughput(Engine, $"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)} / libtorch {__version__}, a plain loop",
                spec.Id, get_num_threads(), recipe.BatchSize, options.Batches, options.WarmupBatches, train, eval, trainCpu,
                3.0 * SpecCost.Of(spec).ForwardFlops, Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, trainLoss);
        }
        finally { order.Dispose(); }
    }
}
