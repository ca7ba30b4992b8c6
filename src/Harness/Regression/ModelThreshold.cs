namespace FashionBench.Harness.Regression;

/// <summary>
/// One model's regression bar in thresholds.json, with the numbers it was derived from (fractions; seconds per epoch).
/// Min = mean − k·SE; see <see cref="ProfileThresholds.Derivation"/>.
/// </summary>
/// <param name="ReferenceDevice">Device the reference epoch time was measured on; other devices are not compared.</param>
/// <param name="ReferenceMachine">CPU (or GPU) model of that measurement, to explain a slower or faster machine.</param>
/// <param name="Seeds">Runs (seeds) of this model the bar was derived from.</param>
/// <param name="BinomialSe">sqrt(p(1 − p)/N) of the mean accuracy p on the N test images.</param>
/// <param name="ExactPredictions">
/// Run id → SHA-256 of its predictions.csv, for every run the bar was derived from (failed ones too). The id holds the
/// whole configuration (seed, threads, CPU kernels, convolutions), and with the kernels pinned training is
/// bit-reproducible, so a run of the same id must write the very same predictions: any difference is a change of
/// numerics. Null in bars derived before it was recorded.
/// </param>
/// <param name="FailedSeeds">
/// The model's runs in the source that diverged or collapsed (left out of the bar). Where some did, a new run that
/// fails too is what the model does on some seeds, not by itself a regression: it is a warning (a run of a reference
/// configuration is still held to its predictions by the exact check).
/// </param>
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
    double KMacroF1,
    IReadOnlyDictionary<string, string>? ExactPredictions = null,
    int FailedSeeds = 0);
