using MathNet.Numerics.Distributions;

namespace FashionBench.Harness.Statistics;

/// <summary>
/// The mean of a measurement over k seeds, with a two-sided interval that combines two sources of variation
/// (Bouthillier et al. 2021, "Accounting for variance in machine learning benchmarks"):
/// <list type="bullet">
/// <item>the seed-to-seed variance s², contributing s²/k;</item>
/// <item>the test-set sampling variance v (e.g. p(1 − p)/N of an accuracy on N images), contributing v itself, not
/// v/k: every seed is scored on the same test images, so their sampling errors are shared, not averaged away.</item>
/// </list>
/// Half-width = t(1 − α/2, ν) · √(s²/k + v), with ν by Welch–Satterthwaite, v counting as known:
/// ν = (s²/k + v)² · d / (s²/k)², d the degrees of freedom of s² (k − 1 for the seeds' own). With no seed variance
/// (identical seeds) ν is infinite and t is the normal quantile. With one seed, s² is borrowed (<see cref="SeedSpread"/>)
/// and counts in full (k = 1); with nothing to borrow it is unknown, and the interval holds the sampling part only
/// (<see cref="SeedVarianceKnown"/> false, which every table that shows it says).
/// </summary>
public sealed record CombinedInterval(
    int N,
    double Mean,
    SeedSpread? Seeds,
    double SamplingVariance,
    double DegreesOfFreedom,
    double Quantile,
    double Low,
    double High)
{
    public const double Level = 0.95;

    /// <summary>Degrees of freedom past which t is the normal quantile (they differ by under 1e-6; seeds equal but for rounding give such ν).</summary>
    public const double NormalBeyond = 1e6;

    public bool SeedVarianceKnown => Seeds is not null;
    public double HalfWidth => (High - Low) / 2;

    /// <param name="values">The measurement of each seed (at least one).</param>
    /// <param name="samplingVariance">The test-set sampling variance of one measurement (0 for an exact quantity).</param>
    /// <param name="borrowed">The seed spread to use when <paramref name="values"/> has one value; ignored otherwise.</param>
    public static CombinedInterval Of(IReadOnlyList<double> values, double samplingVariance, SeedSpread? borrowed = null)
    {
        if (values.Count == 0) throw new ArgumentException("an interval needs at least one value", nameof(values));
        if (samplingVariance < 0 || double.IsNaN(samplingVariance))
            throw new ArgumentOutOfRangeException(nameof(samplingVariance), samplingVariance, "a variance is ≥ 0");
        var k = values.Count;
        var mean = values.Average();
        var seeds = k >= 2 ? SeedSpread.Of(values) : borrowed;
        var seedPart = (seeds?.Variance ?? 0) / k;
        var total = seedPart + samplingVariance;
        var df = seedPart > 0 ? total * total * seeds!.DegreesOfFreedom / (seedPart * seedPart) : double.PositiveInfinity;
        if (df > NormalBeyond) df = double.PositiveInfinity;
        var quantile = QuantileOf(df);
        var half = quantile * Math.Sqrt(total);
        return new CombinedInterval(k, mean, seeds, samplingVariance, df, quantile, mean - half, mean + half);
    }

    /// <summary>The two-sided <see cref="Level"/> quantile: Student's t at <paramref name="df"/>, the normal one when df is infinite.</summary>
    public static double QuantileOf(double df)
    {
        var p = 1 - (1 - Level) / 2;
        return double.IsPositiveInfinity(df) ? Normal.InvCDF(0, 1, p) : StudentT.InvCDF(0, 1, df, p);
    }
}

/// <summary>
/// The difference of two models' (or two setups') means over unmatched seeds, b − a, with a 95 % interval of the same
/// construction as <see cref="CombinedInterval"/>: seed parts s²/k of each side (a side with one seed borrows the other
/// side's variance; with one seed on both the seed part is unknown, 0, and <see cref="SeedVarianceKnown"/> is false),
/// plus a sampling variance counted whole, t at the Welch–Satterthwaite degrees of freedom.
/// </summary>
public sealed record DifferenceInterval(double Mean, double SamplingVariance, double SeedPart, double DegreesOfFreedom, double Quantile,
    double Low, double High, bool SeedVarianceKnown)
{
    public static DifferenceInterval Of(IReadOnlyList<double> a, IReadOnlyList<double> b, double samplingVariance)
    {
        if (a.Count == 0 || b.Count == 0) throw new ArgumentException("each side needs at least one value");
        var (sa, sb) = (SeedSpread.Of(a), SeedSpread.Of(b));
        sa ??= sb;
        sb ??= sa;
        var (pa, pb) = ((sa?.Variance ?? 0) / a.Count, (sb?.Variance ?? 0) / b.Count);
        var total = pa + pb + samplingVariance;
        var denominator = (pa > 0 ? pa * pa / sa!.DegreesOfFreedom : 0) + (pb > 0 ? pb * pb / sb!.DegreesOfFreedom : 0);
        var df = denominator > 0 ? total * total / denominator : double.PositiveInfinity;
        if (df > CombinedInterval.NormalBeyond) df = double.PositiveInfinity;
        var quantile = CombinedInterval.QuantileOf(df);
        var mean = b.Average() - a.Average();
        var half = quantile * Math.Sqrt(total);
        return new DifferenceInterval(mean, samplingVariance, pa + pb, df, quantile, mean - half, mean + half, sa is not null);
    }
}
