namespace FashionBench.Reports.Verdicts;

/// <summary>
/// What a run measured, in the terms claims are stated in (fractions, seconds). Built once per run from its
/// records; the judge reads nothing else.
/// </summary>
/// <param name="TestImages">Size of the test set the accuracy was measured on (the binomial n of the tolerance).</param>
/// <param name="ValidationAccuracyByEpoch">Epoch (1-based) → validation accuracy; the test accuracy per epoch when <paramref name="ValidatesOnTest"/>.</param>
/// <param name="PerClassF1">Class name → F1 on the test set.</param>
/// <param name="NotComparableReason">Why accuracy-type claims cannot be tested ("profile"), or null when they can.</param>
public sealed record RunFacts(
    string RunId,
    string Model,
    long Seed,
    long Parameters,
    int TestImages,
    double TestAccuracy,
    double MacroF1,
    double BestValidationAccuracy,
    bool ValidatesOnTest,
    IReadOnlyDictionary<int, double> ValidationAccuracyByEpoch,
    double MinValidationLoss,
    double BestTrainAccuracy,
    double EpochSecondsMedian,
    IReadOnlyDictionary<string, double> PerClassF1,
    string? NotComparableReason);
