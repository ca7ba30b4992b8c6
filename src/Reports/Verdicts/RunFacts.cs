namespace FashionBench.Reports.Verdicts;

/// <summary>
/// What a run measured, in the terms claims are stated in (fractions, seconds). Built once per run from its
/// records; the judge reads nothing else.
/// </summary>
/// <param name="Status">"ok", "diverged" or "collapsed" (RunHealth); only healthy runs are judged.</param>
/// <param name="StatusReason">Why a run failed, for its "run failed" row.</param>
/// <param name="TestImages">Size of the test set the accuracy was measured on (the binomial n of its sampling variance).</param>
/// <param name="ValidationImages">Size of the validation set (the test set when <paramref name="ValidatesOnTest"/>).</param>
/// <param name="TrainImages">Images trained on per epoch (the training set less the validation hold-out).</param>
/// <param name="Epochs">Epoch (1-based) → its curve point; validation is the test set when <paramref name="ValidatesOnTest"/>.</param>
/// <param name="PerClass">Class name → (F1 on the test set, the class's test images).</param>
/// <param name="Cpu">The machine the run's times were measured on, as its provenance names it.</param>
/// <param name="NotComparableReason">Why accuracy-type claims cannot be tested ("profile"), or null when they can.</param>
public sealed record RunFacts(
    string RunId,
    string Model,
    string Device,
    long Seed,
    string Status,
    string? StatusReason,
    long Parameters,
    int TestImages,
    long ValidationImages,
    long TrainImages,
    double TestAccuracy,
    double MacroF1,
    double BestValidationAccuracy,
    bool ValidatesOnTest,
    IReadOnlyDictionary<int, EpochFacts> Epochs,
    double MinValidationLoss,
    double BestTrainAccuracy,
    double EpochSecondsMedian,
    double TrainSeconds,
    double PeakRssMb,
    IReadOnlyDictionary<string, (double F1, int Support)> PerClass,
    string Cpu,
    string? NotComparableReason)
{
    public bool Healthy => Status == "ok";
}

/// <summary>One epoch of a run's curve: training loss and accuracy (running, in training mode), validation loss and accuracy.</summary>
public sealed record EpochFacts(double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy);
