using static FashionBench.Models.Catalog.Blocks;

namespace FashionBench.Models.Catalog;

/// <summary>004: three sub-8k-parameter MNIST CNNs (no biases, BN everywhere, 1×1 transitions).</summary>
static class WriteUp004
{
    const string File = "004_b61ed45c7759aee3.txt";

    static Layer[] Cbr(int outChannels, int kernel, int padding = 0) => ConvBnAct(outChannels, kernel, padding, bias: false);

    // Model 3 orders ReLU before BN ("Conv2d → ReLU → BN").
    static Layer[] Crb(int outChannels, int kernel, int padding = 0) =>
        [new Conv(outChannels, kernel, Padding: padding, Bias: false), Act.Relu, new BatchNorm()];

    static readonly Layer[] Model1 =
    [
        .. Cbr(4, 3), .. Cbr(4, 3), .. Cbr(8, 3), Pool.Max2,          // 26, 24, 22 → 11
        .. Cbr(4, 1), .. Cbr(8, 3), .. Cbr(16, 3), .. Cbr(10, 1),      // 11, 9, 7, 7
        new Conv(10, 7, Bias: false), new Flatten(),                   // [10, 1, 1] → [10]
    ];

    static readonly Layer[] Model2 =
    [
        .. Cbr(8, 3), .. Cbr(8, 3), .. Cbr(16, 3), new Dropout(0.25), Pool.Max2,   // 26, 24, 22 → 11
        .. Cbr(8, 1), .. Cbr(8, 3), .. Cbr(16, 3), new Dropout(0.25),             // 11, 9, 7
        .. Cbr(16, 3), new Conv(10, 1, Bias: false),                               // 5
        new Pool(PoolKind.Avg, 5, 5), new Flatten(),
    ];

    static readonly Layer[] Model3 =
    [
        .. Crb(8, 3), new Dropout(0.05), .. Crb(16, 3), new Conv(8, 1, Bias: false), Pool.Max2,  // 26, 24 → 12
        .. Crb(16, 3), .. Crb(16, 3), .. Crb(16, 3, padding: 1),                               // 10, 8, 8
        new GlobalAvgPool(), new Conv(10, 1, Bias: false), new Flatten(),
    ];

    static TrainingRecipe Sgd(int epochs) => new(
        new OptimizerSpec(OptimizerKind.Sgd, 0.01, Momentum: 0.9), new ConstantLr(), BatchSize: 128, Epochs: epochs,
        AugmentationSpec.None, NormalizationSpec.DatasetStatistics, ValidationFraction: 0);

    static readonly Choice[] Choices =
    [
        new("biases", "none in any convolution", "the stated 7,108 parameters of Model 1 are exactly the bias-free count"),
        new("LogSoftmax + NLL", "logits + cross-entropy", "the same loss"),
        new("normalisation", "MNIST mean 0.1307, std 0.3081", "'basic normalization'; the usual MNIST values", RecipeField.Normalization),
        ValidateOnTest,
    ];

    public static WriteUp Create() => WriteUp.Of("004", File, "Three sub-8k-parameter CNNs, MNIST", Specs(),
        comparisons:
        [
            new("model 3 performs best (against model 1)", "mnist-8k/model3", "mnist-8k/model1", ComparedMeasure.BestEpochTestAccuracy, 0.9950 - 0.9906,
                "Model 3: Achieved optimal performance (best test accuracy 99.50% against 99.06%)"),
            new("model 3 performs best (against model 2)", "mnist-8k/model3", "mnist-8k/model2", ComparedMeasure.BestEpochTestAccuracy, 0.9950 - 0.9899,
                "Model 3: Achieved optimal performance (best test accuracy 99.50% against 98.99%)"),
            new("model 2's regularisation lowers peak accuracy", "mnist-8k/model1", "mnist-8k/model2", ComparedMeasure.BestEpochTestAccuracy, 0.9906 - 0.9899,
                "Model 2: Successfully addressed overfitting through regularization but plateau'd at lower accuracy"),
        ],
        untested:
        [
            new("OneCycleLR 'provides better convergence than fixed learning rate'", "no model 3 variant with a fixed rate is catalogued"),
            new("augmentation 'proved essential for achieving 99.4%+'", "no model 3 variant without augmentation is catalogued"),
            new("model 1 'consistently hits 99%+ training accuracy after epoch 7'; model 2 'successful overfitting reduction'",
                "shown by the curves in each model's section; the best training and test accuracies they rest on are judged"),
        ]);

    static IEnumerable<ModelSpec> Specs()
    {
        yield return new ModelSpec("mnist-8k/model1", "mnist", "Model 1: baseline CNN + BatchNorm",
            $"004 — Model 1 ({File})", Model1, Sgd(20),
            new DocumentedResults
            {
                TestAccuracy = 0.9906, TestAccuracyIsBestEpoch = true, TrainAccuracy = 0.9963, BestTestAccuracyBelow = 0.991,
                Parameters = new ParameterClaim(ParameterClaimKind.Exact, 7_108),
                Quote = "Parameters: 7,108; Best Training Accuracy: 99.63%; Best Test Accuracy: 99.06%; Test accuracy consistently stays below 99.1%",
            },
            Choices, []);

        yield return new ModelSpec("mnist-8k/model2", "mnist", "Model 2: GAP + dropout",
            $"004 — Model 2 ({File})", Model2, Sgd(15),
            new DocumentedResults
            {
                TestAccuracy = 0.9899, TestAccuracyIsBestEpoch = true, TrainAccuracy = 0.9900,
                Parameters = new ParameterClaim(ParameterClaimKind.Approximate, 6_000),
                Quote = "Parameters: ~6,000; Best Training Accuracy: 99.00%; Best Test Accuracy: 98.99%",
            },
            Choices, [], Baseline: "mnist-8k/model1");

        yield return new ModelSpec("mnist-8k/model3", "mnist", "Model 3: augmentation + OneCycleLR + weight decay",
            $"004 — Model 3 ({File})", Model3,
            new TrainingRecipe(new OptimizerSpec(OptimizerKind.Sgd, 0.01, Momentum: 0.9, WeightDecay: 1e-4),
                new OneCycle(MaxLr: 0.05), BatchSize: 128, Epochs: 20,
                new AugmentationSpec(RotationDegrees: 7, Translate: 0.1), NormalizationSpec.DatasetStatistics, ValidationFraction: 0),
            new DocumentedResults
            {
                TestAccuracy = 0.9950, TestAccuracyIsBestEpoch = true, TrainAccuracy = 0.9906,
                Parameters = new ParameterClaim(ParameterClaimKind.Approximate, 7_000),
                ParameterBound = new ParameterClaim(ParameterClaimKind.UpperBound, 8_000),
                Target = new AccuracyTarget(0.994, ByEpoch: 15, Rounding: 0.0005),
                Quote = "Parameters: ~7,000; Best Training Accuracy: 99.06%; Best Test Accuracy: 99.50%; " +
                        "Successfully achieved 99.4%+ test accuracy; Hit target … in 15 epochs; Maintains parameter count under 8K",
            },
            [.. Choices, new("OneCycleLR", "PyTorch defaults (pct_start 0.3, cosine, momentum 0.85–0.95) stepped per batch", "only max_lr is stated", RecipeField.Schedule),
                AugmentationFill],
            [new("'Hit target … in 15 epochs' while the configuration trains 20 epochs.")], Baseline: "mnist-8k/model1");
    }
}
