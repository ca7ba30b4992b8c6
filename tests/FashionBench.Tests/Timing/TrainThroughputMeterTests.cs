using FashionBench.Harness.Timing;
using FashionBench.Harness.Training;
using FashionBench.Models.Building;
using FashionBench.Tests.Training;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Timing;

public class TrainThroughputMeterTests
{
    static TrainingData Data()
    {
        var d = new SyntheticDatasetProvider(train: 200, test: 50).Load("synthetic", null, null, CPU);
        return TrainingData.Split(d.TrainImages, d.TrainLabels, d.TestImages, d.TestLabels,
            TinySpecs.Adam.Recipe.ValidationFraction, d.ClassNames, d.Mean, d.Std);
    }

    [Test]
    public void MeasuresTheTrainerAcrossAnEpochBoundaryAndFingerprintsItsNumerics()
    {
        var data = Data();                                                   // 160 training images: 5 batches of 32
        var options = new TrainThroughputOptions(CPU, Threads: 1, Batches: 1, Repetitions: 2, WarmupBatches: 5, EvalImages: 40);
        var threads = get_num_threads();
        var (first, second) = (TrainThroughputMeter.Measure(TinySpecs.Adam, data, options), TrainThroughputMeter.Measure(TinySpecs.Adam, data, options));
        set_num_threads(threads);

        Assert.That((first.Repetitions, first.Threads), Is.EqualTo((2, 1)));
        Assert.That(first.ImagesPerSecondRuns.Concat(first.EvalImagesPerSecondRuns).Concat(first.CpuMillisecondsPerImageRuns), Is.All.Positive);
        Assert.That(first.TrainFlopsPerImage, Is.EqualTo(3.0 * SpecCost.Of(TinySpecs.Adam).ForwardFlops));
        Assert.That((first.Model, first.BatchSize, first.Engine), Is.EqualTo((TinySpecs.Adam.Id, 32, TrainThroughputMeter.Engine)));
        Assert.That(first.TrainLoss, Is.GreaterThan(0).And.EqualTo(second.TrainLoss), "same seed, same batches: same loss");
    }

    [Test]
    public void MedianOfEvenAndOddCounts()
    {
        Assert.That(TrainThroughput.Median([3, 1, 2]), Is.EqualTo(2));
        Assert.That(TrainThroughput.Median([4, 1, 3, 2]), Is.EqualTo(2.5));
    }
}
