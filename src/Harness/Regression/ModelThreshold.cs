namespace FashionBench.Harness.Regression;

/// <summary>
/// One model's regression bar in thresholds.json, with the numbers it was derived from (fractions; seconds per epoch).
/// Min = mean − k·SE; see <see cref="ProfileThresholds.Derivation"/>.
/// </summary>
/// <param name="ReferenceDevice">Device the reference epoch time was measured on; other devices are not compared.</param>
/// <param name="ReferenceMachine">CPU (or GPU) model of that measurement, to explain a slower or faster machine.</param>
/// <param name="Seeds">Runs (seeds) of this model the bar was derived from.</param>
/// <param name="BinomialSe">sqrt(p(1 − p)/N) of the mean accuracy p on the N test images.</param>
public sealed record ModelThreshold(
    double MinAccuracy,
    double MinMacroF1,
    double ReferenceEpochSeconds,
    string ReferenceDevice,
    string ReferenceMachine,
    int Seeds,
    int TestImages,
    double AccuracyMean,
    double MacroF1Mean,
    double BinomialSe,
    double KAccuracy,
    double KMacroF1);
