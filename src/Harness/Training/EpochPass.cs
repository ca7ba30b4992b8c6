using System.Diagnostics;
using FashionBench.Harness.Data;
using FashionBench.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// One epoch's batch loop over a fixed shuffle, run in one go by the trainer or in slices by the throughput benchmark.
/// Running sums of loss and correct predictions stay on the device; they are read once, by <see cref="Means"/>.
/// </summary>
public sealed class EpochPass : IDisposable
{
    const int ProgressEveryBatches = 20;

    readonly TrainingSession session;
    readonly Generator generator, shuffleGenerator;
    readonly Tensor order, lossSum, correct;                    // [N] int64; [1] float64; [1] int64
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly long n;

    public int Epoch { get; }
    /// <summary>Batches run so far in this epoch.</summary>
    public long Done { get; private set; }
    public long Batches => session.BatchesPerEpoch;
    /// <summary>The global step of the next batch (0-based, counted across epochs).</summary>
    public long Step { get; private set; }
    /// <summary>The learning rate of the last batch run.</summary>
    public double LearningRate { get; private set; }
    /// <summary>The batch (1-based) whose loss was not finite, and that loss; the pass runs no further batch after it.</summary>
    public (long Batch, float Loss)? NonFinite { get; private set; }

    internal EpochPass(TrainingSession session, int epoch, long firstStep)
    {
        this.session = session;
        (Epoch, Step) = (epoch, firstStep);
        n = session.Data.TrainImages.shape[0];
        var epochSeed = Trainer.MixSeed(session.Seed, epoch);
        manual_seed(epochSeed);                                            // dropout draws from the global generator
        generator = new Generator((ulong)(epochSeed ^ 0x5DEECE66DL), CPU);         // augmentation draws (see Augmenter)
        shuffleGenerator = new Generator((ulong)epochSeed, CPU);
        session.Model.train();
        order = randperm(n, generator: shuffleGenerator).to(session.Device).DetachFromDisposeScope();
        lossSum = zeros(1, float64, session.Device).DetachFromDisposeScope();
        correct = zeros(1, int64, session.Device).DetachFromDisposeScope();
    }

    /// <summary>
    /// Runs the next <paramref name="count"/> batches (fewer if the epoch ends first). Stops before the backward pass of
    /// a batch whose loss is not finite, and records it in <see cref="NonFinite"/>.
    /// </summary>
    public void Run(long count, IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default)
    {
        var (recipe, data, model, optimizer) = (session.Spec.Recipe, session.Data, session.Model, session.Optimizer);
        var (mean, std) = session.Normalization;
        for (var end = Math.Min(Batches, Done + count); Done < end && NonFinite is null; Done++, Step++)
        {
            cancel.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            LearningRate = session.Schedule.LearningRate(Epoch, Step);
            SetOptimizerValues(optimizer, LearningRate, session.Schedule.Momentum(Step));

            var size = Math.Min(recipe.BatchSize, n - Done * recipe.BatchSize);
            var index = order.narrow(0, Done * recipe.BatchSize, size);
            var x = session.Augmenter.Apply(data.TrainImages.index_select(0, index), generator).sub_(mean).div_(std); // [B,1,28,28]
            var y = data.TrainLabels.index_select(0, index);                                                           // [B]

            // Gradients set to none, not zeroed: backward then writes them instead of adding to zeros (one pass, not three).
            model.zero_grad(set_to_none: true);
            var logits = model.forward(session.ChannelsLastInput ? ChannelsLast.Of(x) : x);                            // [B,10]
            var loss = nn.functional.cross_entropy(logits, y);
            var lossValue = loss.item<float>();
            if (!float.IsFinite(lossValue))
            {
                NonFinite = (Done + 1, lossValue);
                return;
            }
            var objective = recipe.L2 is { } l2 ? loss + l2.Lambda * L2Penalty(session.L2Weights) : loss;
            objective.backward();
            optimizer.step();

            lossSum.add_(loss.detach().to(float64) * size);
            correct.add_(logits.argmax(1).eq(y).sum());
            if (progress is not null && (Done % ProgressEveryBatches == 0 || Done == Batches - 1))
                progress.Report(new TrainingProgress(Epoch + 1, session.Epochs, Done + 1, Batches,
                    lossValue, (Done * recipe.BatchSize + size) / clock.Elapsed.TotalSeconds));
        }
    }

    /// <summary>Images trained on so far in this epoch (all of them once the last batch has run).</summary>
    public long Images => Math.Min(n, Done * session.Spec.Recipe.BatchSize);

    /// <summary>Mean training loss and accuracy over the images so far: the epoch's figures after its last batch.</summary>
    public (double Loss, double Accuracy) Means() => (lossSum.item<double>() / Images, correct.item<long>() / (double)Images);

    static void SetOptimizerValues(OptimizerHelper optimizer, double lr, double? momentum)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = lr;
            if (momentum is { } m && group is optim.IMomentum withMomentum) withMomentum.Momentum = m;
        }
    }

    static Tensor L2Penalty(Tensor[] weights) => weights.Select(w => w.pow(2).sum()).Aggregate((a, b) => a + b);

    public void Dispose()
    {
        foreach (var t in new[] { order, lossSum, correct }) t.Dispose();
        generator.Dispose();
        shuffleGenerator.Dispose();
    }
}
