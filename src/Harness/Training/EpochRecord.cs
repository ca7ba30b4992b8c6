namespace FashionBench.Harness.Training;

/// <summary>One epoch's curve point. Train figures are running means over the epoch's (augmented) batches.</summary>
public sealed record EpochRecord(
    int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy,
    double LearningRate, double TrainSeconds, double EvalSeconds);
