namespace FashionBench.Reports.Verdicts;

/// <summary>
/// How far below a documented accuracy a measurement may fall and still count as reproducing it: the larger of
/// 0.5 percentage points and two binomial standard errors, 2·sqrt(p(1−p)/n), of accuracy p on n test images.
/// </summary>
public static class AccuracyTolerance
{
    public const double Floor = 0.005;

    /// <param name="p">The documented accuracy, a fraction.</param>
    /// <param name="n">Number of test images the measurement used.</param>
    public static double Of(double p, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "an accuracy is a fraction in [0, 1]");
        return Math.Max(Floor, 2 * Harness.Statistics.Proportion.StandardError(p, n));
    }
}
