using FashionBench.Harness.Data;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Optimisers;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// What one run trains with: the model (initialised from the seed), the optimiser, the schedule, the augmentation and
/// the Dense weights under L2. <see cref="BeginEpoch"/> starts an epoch's batch loop. The trainer and the throughput
/// benchmark both train through this class, so the benchmark times exactly the code that trains.
/// </summary>
public sealed class TrainingSession
{
    public ModelSpec Spec { get; }
    public TrainingData Data { get; }
    public Device Device { get; }
    public long Seed { get; }
    /// <summary>Epochs the run is planned for (the OneCycle schedule spans them all).</summary>
    public int Epochs { get; }
    public SpecModule Model { get; }
    public OptimizerHelper Optimizer { get; }
    public LrSchedule Schedule { get; }
    public long BatchesPerEpoch { get; }
    internal Augmenter Augmenter { get; }
    internal Tensor[] L2Weights { get; }
    /// <summary>Whether batches go in channels-last (<see cref="ChannelsLast.Suits"/>).</summary>
    internal bool ChannelsLastInput { get; }
    /// <summary>The recipe's normalisation, applied per batch after augmentation.</summary>
    public (double Mean, double Std) Normalization { get; }

    TrainingSession(ModelSpec spec, TrainingData data, Device device, long seed, int epochs)
    {
        (Spec, Data, Device, Seed, Epochs) = (spec, data, device, seed, epochs);
        NativeHeap.KeepFreedMemory();
        KernelCheck.Ensure(static _ => { });       // a guard: the CLI has already run it (and told the user) at this thread count
        var recipe = spec.Recipe;
        Normalization = Trainer.Normalization(recipe.Normalization, data);
        BatchesPerEpoch = (data.TrainImages.shape[0] + recipe.BatchSize - 1) / recipe.BatchSize;

        Model = TorchBuilder.Build(spec, seed);
        Model.to(device);
        Optimizer = CreateOptimizer(recipe.Optimizer, Model);
        Schedule = new LrSchedule(recipe.Schedule, recipe.Optimizer.LearningRate, BatchesPerEpoch * epochs);
        L2Weights = DenseWeights(spec, Model);
        Augmenter = new Augmenter(recipe.Augmentation);
        ChannelsLastInput = ChannelsLast.Suits(Model);
    }

    /// <summary>Builds the model from torch's global generator seeded with <paramref name="seed"/>.</summary>
    public static TrainingSession Create(ModelSpec spec, TrainingData data, Device device, long seed, int epochs) =>
        new(spec, data, device, seed, epochs);


    /// <summary>Seeds the epoch's shuffle, augmentation and dropout from (seed, epoch) and returns its batch loop.</summary>
    public EpochPass BeginEpoch(int epoch, long firstStep) => new(this, epoch, firstStep);

    static OptimizerHelper CreateOptimizer(OptimizerSpec spec, nn.Module model) => spec.Kind switch
    {
        OptimizerKind.Adam => new FusedAdam(model.parameters(), spec.LearningRate, spec.WeightDecay),
        OptimizerKind.Sgd => optim.SGD(model.parameters(), spec.LearningRate, momentum: spec.Momentum,
            weight_decay: spec.WeightDecay, nesterov: spec.Nesterov),
        _ => throw new ArgumentException($"unknown optimiser {spec.Kind}"),
    };

    // Weights of the spec's top-level Dense layers ("layers.{i}.weight"), which Keras-style L2 applies to.
    internal static Tensor[] DenseWeights(ModelSpec spec, nn.Module model)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        return spec.Layers.Select((layer, i) => (layer, i)).Where(t => t.layer is Dense)
            .Select(t => (Tensor)parameters[$"layers.{t.i}.weight"]).ToArray();
    }
}
