using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// The tensors one run trains and evaluates on, all on the run's device. Images are float32 [N,1,28,28] in [0,1]
/// (normalised per batch by the trainer, after augmentation); labels int64 [N].
/// </summary>
public sealed record TrainingData(
    Tensor TrainImages, Tensor TrainLabels,
    Tensor ValidationImages, Tensor ValidationLabels,
    Tensor TestImages, Tensor TestLabels,
    IReadOnlyList<string> ClassNames,
    double DatasetMean, double DatasetStd,
    bool ValidatesOnTest)
{
    /// <summary>Seed of the fixed hold-out permutation; independent of the run seed so every seed sees the same split.</summary>
    const long SplitSeed = 20_251_123;

    /// <summary>
    /// Holds out the last <paramref name="fraction"/> of a fixed permutation of the training set as validation;
    /// with fraction 0 the test set doubles as validation (as the write-ups that report per-epoch test accuracy did).
    /// </summary>
    public static TrainingData Split(Tensor trainImages, Tensor trainLabels, Tensor testImages, Tensor testLabels,
        double fraction, IReadOnlyList<string> classNames, double mean, double std)
    {
        if (fraction <= 0)
            return new(trainImages, trainLabels, testImages, testLabels, testImages, testLabels, classNames, mean, std, true);
        var n = trainImages.shape[0];
        var held = (long)Math.Round(n * fraction);
        using var generator = new Generator((ulong)SplitSeed);
        var order = randperm(n, generator: generator).to(trainImages.device);
        var (train, validation) = (order.narrow(0, 0, n - held), order.narrow(0, n - held, held));
        return new(trainImages.index_select(0, train), trainLabels.index_select(0, train),
            trainImages.index_select(0, validation), trainLabels.index_select(0, validation),
            testImages, testLabels, classNames, mean, std, false);
    }
}
