using System.Globalization;
using FashionBench.Models.Building;
using static FashionBench.Models.Catalog.Blocks;

namespace FashionBench.Models.Catalog;

/// <summary>001: Keras CNN, activation × downsampling × optimiser comparison, Fashion-MNIST.</summary>
static class WriteUp001
{
    const string File = "001_91078e7ca880e702.txt";

    static Act Activation(bool leaky) => leaky ? new Act(ActivationKind.LeakyRelu, 0.3) : Act.Relu;

    // The downsampling step: 2×2 max-pool, or a learned 3×3 stride-2 convolution (+BN, activation).
    static Layer[] Downsample(int channels, bool strided, bool leaky) =>
        strided ? [new Conv(channels, 3, Stride: 2), new BatchNorm(), Activation(leaky)] : [Pool.Max2];

    // Keras' cifar10_cnn layout the write-up describes: per block Conv(same) → BN → act, Conv(valid) → BN → act,
    // downsample, Dropout 0.25; then Dense 512 → act → Dropout 0.5 → Dense 10.
    static Layer[] Architecture(bool leaky, bool strided, int secondPadding = 0)
    {
        var act = Activation(leaky);
        return
        [
            .. ConvBnAct(32, 3, padding: 1, act), .. ConvBnAct(32, 3, padding: secondPadding, act),
            .. Downsample(32, strided, leaky), new Dropout(0.25),
            .. ConvBnAct(64, 3, padding: 1, act), .. ConvBnAct(64, 3, padding: secondPadding, act),
            .. Downsample(64, strided, leaky), new Dropout(0.25),
            new Flatten(), new Dense(512), act, new Dropout(0.5), new Dense(10),
        ];
    }

    static string LiteralReadingContradiction()
    {
        var literal = SpecCost.Of(Architecture(leaky: false, strided: false, secondPadding: 1), Shape.Image28).Parameters;
        var dense = 7 * 7 * 64 * 512 + 512;
        return string.Format(CultureInfo.InvariantCulture,
            "Literal reading (all four convolutions 'same', two 2×2 pools, Dense 512): 7·7·64·512 + 512 = {0:N0} parameters " +
            "in the first dense layer alone, {1:N0} in all, against the stated '< 1,000,000'. Built instead: the Keras cifar10_cnn " +
            "layout the description matches (second conv of each block 'valid'), which has 5·5·64 = 1,600 features into Dense 512.",
            dense, literal);
    }

    public static WriteUp Create() => WriteUp.Of("001", File, "Keras CNN: activation × downsampling × optimiser, Fashion-MNIST", Specs(), showsFilters: true,
        comparisons:
        [
            // "Early epochs" is read as the first epoch's validation accuracy, on both downsampling variants of the default matrix.
            new("ReLU converges faster than LeakyReLU (max-pool)", "keras-cnn/relu-maxpool-adam", "keras-cnn/leakyrelu-maxpool-adam",
                ComparedMeasure.FirstEpochValidationAccuracy, null, "ReLU: Faster convergence in early epochs"),
            new("ReLU converges faster than LeakyReLU (strided)", "keras-cnn/relu-strided-adam", "keras-cnn/leakyrelu-strided-adam",
                ComparedMeasure.FirstEpochValidationAccuracy, null, "ReLU: Faster convergence in early epochs"),
            new("Adam converges faster than SGD with momentum", "keras-cnn/relu-maxpool-adam", "keras-cnn/relu-maxpool-sgd",
                ComparedMeasure.FirstEpochValidationAccuracy, null, "Adam … converges faster with minimal tuning; SGD with Momentum: Slower convergence"),
            new("strided convolution increases the parameter count", "keras-cnn/relu-strided-adam", "keras-cnn/relu-maxpool-adam",
                ComparedMeasure.Parameters, null, "Strided Convolution: Learns the downsampling operation but increases parameter count"),
        ],
        untested:
        [
            new("ReLU 'suffers from the dying ReLU problem'; LeakyReLU 'prevents neurons from dying'", "dead units are not measured, and no number is given"),
            new("SGD 'can achieve better generalization when tuned properly'", "a hedge: the tuning is not described"),
            new("the confusion matrix is 'for the best-performing model' (CNN_ReLU_MaxPool)", "the file name does not say which optimiser; the test accuracies of every variant are in the claims table"),
        ]);

    static IEnumerable<ModelSpec> Specs()
    {
        var contradictions = new Contradiction[]
        {
            new(LiteralReadingContradiction()),
            new("'4 convolutional layers' and 'strided convolution … increases parameter count' cannot both hold for the strided " +
            "variants: replacing a pool by a learned convolution adds a layer per block (6 in all)."),
            new("'Strided convolution … increases parameter count' does not hold for the reading built here: a 3×3 stride-2 'valid' " +
                "convolution shrinks the flattened features from 5·5·64 to 4·4·64, so the strided variants have fewer parameters than " +
                "the max-pool ones. With 'same' padding the count rises but passes 1,000,000; only a 2×2 stride-2 'valid' convolution " +
                "satisfies both claims."),
        };
        foreach (var optimizer in new[] { "adam", "sgd" })
        foreach (var downsampling in new[] { "maxpool", "strided" })
        foreach (var activation in new[] { "relu", "leakyrelu" })
        {
            var id = $"keras-cnn/{activation}-{downsampling}-{optimizer}";
            bool leaky = activation == "leakyrelu", strided = downsampling == "strided", sgd = optimizer == "sgd";
            var inDefaultMatrix = !sgd || (!leaky && !strided);
            var recipe = new TrainingRecipe(
                sgd ? new OptimizerSpec(OptimizerKind.Sgd, 0.01, Momentum: 0.9) : new OptimizerSpec(OptimizerKind.Adam, 1e-3),
                new ConstantLr(), BatchSize: 32, Epochs: 10, AugmentationSpec.None, NormalizationSpec.None,
                ValidationFraction: 0.1);
            yield return new ModelSpec(id, "fashion-mnist",
                $"Keras CNN — {(leaky ? "LeakyReLU" : "ReLU")}, {(strided ? "strided conv" : "max-pool")}, {(sgd ? "SGD+momentum" : "Adam")}",
                $"001 — Model Architecture / Comparisons ({File})",
                Architecture(leaky, strided),
                recipe,
                new DocumentedResults
                {
                    TestAccuracy = 0.90, TestAccuracyIsLowerBound = true,
                    Parameters = new ParameterClaim(ParameterClaimKind.UpperBound, 1_000_000),
                    Quote = "All models achieved over 90% test accuracy. Parameter count: < 1,000,000",
                },
                [
                    new("conv padding", "first conv of each block 'same', second 'valid'",
                        "the only reading of '4 conv layers, 32 and 64 filters, Dense 512' with under 1,000,000 parameters (Keras cifar10_cnn)"),
                    new("strided downsampling", "3×3 stride-2 'valid' conv + BN + activation in place of each pool",
                        "'learns the downsampling operation but increases parameter count'"),
                    new("LeakyReLU slope", "0.3", "Keras' default alpha"),
                    new("optimiser settings", sgd ? "SGD lr 0.01, momentum 0.9" : "Adam lr 1e-3", "Keras defaults; momentum 0.9 is the usual value", RecipeField.Optimizer | RecipeField.LearningRate),
                    new("batch size, epochs", "32, 10", "not stated; Keras fit()'s default batch size, and 10 epochs", RecipeField.BatchSize | RecipeField.Epochs),
                    new("input scaling", "pixels / 255 only", "the usual Keras preprocessing; no normalisation is described", RecipeField.Normalization),
                    ValidationHoldOut,
                ],
                contradictions,
                Baseline: id == "keras-cnn/relu-maxpool-adam" ? null : "keras-cnn/relu-maxpool-adam",
                Extended: !inDefaultMatrix);
        }
    }
}
