namespace FashionBench.Harness.Training;

public enum HealthStatus
{
    /// <summary>Trained to the end with finite losses, and predicts more than one class.</summary>
    Ok,
    /// <summary>A loss went non-finite: training stopped at that batch.</summary>
    Diverged,
    /// <summary>Trained, but learnt nothing: one class predicted for every test image, or a loss at ln 10 throughout.</summary>
    Collapsed,
}

/// <summary>
/// Whether a run trained into a usable model, and where it failed if not. A failed run is a result: it is recorded
/// complete, with this status, its curves up to the failure and the test metrics of the weights named here.
/// </summary>
public sealed record RunHealth(HealthStatus Status, string? Reason = null, int? Epoch = null, long? Batch = null, int? EvaluatedEpoch = null)
{
    /// <summary>A loss this close to ln 10 is the loss of a uniform guess over the 10 classes.</summary>
    public const double UniformLossMargin = 0.01;

    public static readonly RunHealth Ok = new(HealthStatus.Ok);

    /// <summary>
    /// Training stopped at <paramref name="batch"/> (1-based) of <paramref name="epoch"/>, because <paramref name="what"/>;
    /// the test set is evaluated with the weights after epoch <paramref name="evaluatedEpoch"/> (0: as initialised).
    /// </summary>
    public static RunHealth Diverged(int epoch, long batch, string what, int evaluatedEpoch) => new(HealthStatus.Diverged,
        $"{what} at epoch {epoch}, batch {batch}; test metrics are of the weights " +
        (evaluatedEpoch == 0 ? "as initialised" : $"after epoch {evaluatedEpoch}"), epoch, batch, evaluatedEpoch);

    /// <summary>
    /// The training outcome's health, or <see cref="HealthStatus.Collapsed"/> when a run that trained to the end predicts
    /// one class for every test image, or when every epoch's training and validation loss sat at ln 10.
    /// </summary>
    /// <param name="predictedClasses">The distinct classes predicted on the test set.</param>
    public static RunHealth Assess(RunHealth training, IReadOnlyList<EpochRecord> curves, IReadOnlyCollection<long> predictedClasses)
    {
        if (training.Status != HealthStatus.Ok) return training;
        if (predictedClasses.Count == 1)
            return new(HealthStatus.Collapsed, $"predicts class {predictedClasses.Single()} for every test image");
        var uniform = Math.Log(10);
        if (curves.Count > 0 && curves.All(c => Math.Abs(c.TrainLoss - uniform) < UniformLossMargin
                                                && Math.Abs(c.ValidationLoss - uniform) < UniformLossMargin))
            return new(HealthStatus.Collapsed, $"training and validation loss stayed at ln 10 (±{UniformLossMargin}) for all {curves.Count} epoch(s)");
        return training;
    }

    /// <summary>"ok", "diverged" or "collapsed", as runs.csv and the regression tables write it.</summary>
    public string Label => Status.ToString().ToLowerInvariant();
}
