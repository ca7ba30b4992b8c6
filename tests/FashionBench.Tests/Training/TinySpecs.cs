using FashionBench.Models;

namespace FashionBench.Tests.Training;

/// <summary>Small specs that exercise every engine feature in seconds.</summary>
public static class TinySpecs
{
    static readonly Layer[] Layers =
    [
        new Conv(4, 3, Padding: 1), new BatchNorm(), Act.Relu, new SqueezeExcite(2), Pool.Max2,
        new Residual([new Conv(8, 3, Padding: 1), Act.Relu]), Pool.Max2,
        new Flatten(), new Dropout(0.3), new Dense(16), Act.Relu, new Dense(10),
    ];

    /// <summary>Adam, plateau schedule, every augmentation, hold-out validation, early stopping, Dense L2.</summary>
    public static readonly ModelSpec Adam = new("test/tiny-adam", "synthetic", "tiny", "test", Layers,
        new TrainingRecipe(new OptimizerSpec(OptimizerKind.Adam, 3e-3), new ReduceOnPlateau(0.5, 0), BatchSize: 32, Epochs: 4,
            new AugmentationSpec(RotationDegrees: 10, Translate: 0.1, PadCrop: 2, HorizontalFlip: true),
            NormalizationSpec.DatasetStatistics, ValidationFraction: 0.2, new EarlyStoppingSpec(10), new DenseL2(1e-3)),
        DocumentedResults.Nothing, [], []);

    /// <summary>SGD with momentum and weight decay under OneCycle (momentum cycled), validating on test.</summary>
    public static readonly ModelSpec OneCycle = Adam with
    {
        Id = "test/tiny-onecycle",
        Recipe = new TrainingRecipe(new OptimizerSpec(OptimizerKind.Sgd, 0.01, Momentum: 0.9, WeightDecay: 1e-4),
            new FashionBench.Models.OneCycle(0.05), BatchSize: 64, Epochs: 4, new AugmentationSpec(RotationDegrees: 7, Translate: 0.1),
            NormalizationSpec.DatasetStatistics, ValidationFraction: 0),
    };
}
