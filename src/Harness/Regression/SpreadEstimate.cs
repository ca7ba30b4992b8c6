namespace FashionBench.Harness.Regression;

/// <summary>
/// The measured seed-to-seed spread, in units of the binomial standard error, pooled over the models that had at
/// least two seeds; with none, the ratios are 1 (the binomial bound) and <see cref="Quantile"/> is the normal one.
/// </summary>
/// <param name="DegreesOfFreedom">Σ (seeds − 1) over those models; 0 when nothing was measured.</param>
/// <param name="Quantile">One-sided quantile at the thresholds' confidence: Student t with that many degrees of freedom, or normal.</param>
public sealed record SpreadEstimate(int ModelsWithSeeds, int DegreesOfFreedom, double AccuracyRatio, double MacroF1Ratio, double Quantile);
