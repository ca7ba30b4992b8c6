namespace FashionBench.Harness.Statistics;

/// <summary>Accuracies as proportions: their sampling error and their differences in percentage points.</summary>
public static class Proportion
{
    /// <summary>The binomial standard error √(p(1 − p)/n) of a proportion <paramref name="p"/> measured on <paramref name="n"/> items.</summary>
    public static double StandardError(double p, int n) => Math.Sqrt(Variance(p, n));

    /// <summary>The binomial sampling variance p(1 − p)/n of a proportion <paramref name="p"/> measured on <paramref name="n"/> items.</summary>
    public static double Variance(double p, double n) => p * (1 - p) / n;

    /// <summary>
    /// An interval of a proportion cut to [0, 1], or of a difference of two proportions to [−1, 1]: the range the quantity
    /// can take. A wide interval (few seeds far apart) would otherwise claim values past it. A verdict's line lies inside
    /// the range, so no outcome changes.
    /// </summary>
    public static (double Low, double High) Cut(double low, double high, bool difference = false) =>
        (Math.Max(difference ? -1 : 0, low), Math.Min(1, high));

    /// <summary>(measured − reference) in percentage points, rounded to 4 decimals as every table writes it; null without a reference.</summary>
    public static double? DeltaPp(double measured, double? reference) =>
        reference is { } r ? Math.Round((measured - r) * 100, 4) : null;
}
