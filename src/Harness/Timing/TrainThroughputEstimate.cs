namespace FashionBench.Harness.Timing;

/// <summary>
/// The estimated cost of one planned run from its model's measured rates: every epoch trains on the training images
/// and evaluates the validation images, then the test set is evaluated once. Epochs are the planned ones, so early
/// stopping can only make the run shorter. FLOPs: 3 × forward per training image, 1 × per evaluated image.
/// </summary>
public sealed record TrainThroughputEstimate(
    string RunId,
    string Model,
    int Epochs,
    long TrainImages,
    long ValidationImages,
    long TestImages,
    long ForwardFlops,
    double TrainImagesPerSecond,
    double EvalImagesPerSecond)
{
    public double EpochSeconds => TrainImages / TrainImagesPerSecond + ValidationImages / EvalImagesPerSecond;
    public double Seconds => Epochs * EpochSeconds + TestImages / EvalImagesPerSecond;
    public double TrainFlops => (double)Epochs * TrainImages * 3 * ForwardFlops;
    public double EvalFlops => ((double)Epochs * ValidationImages + TestImages) * ForwardFlops;
}
