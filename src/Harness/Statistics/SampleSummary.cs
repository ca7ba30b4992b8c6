using MathNet.Numerics.Distributions;

namespace FashionBench.Harness.Statistics;

/// <summary>
/// Mean, sample standard deviation (n − 1) and a two-sided Student-t confidence interval (n − 1 degrees of freedom)
/// of a small sample, e.g. one model's test accuracy over seeds.
/// </summary>
public sealed record SampleSummary(int N, double Mean, double StdDev, double CiLow, double CiHigh)
{
    public const double DefaultLevel = 0.95;

    public static SampleSummary Of(IReadOnlyList<double> values, double level = DefaultLevel)
    {
        if (values.Count < 2) throw new ArgumentException($"a spread needs at least 2 values, got {values.Count}", nameof(values));
        var n = values.Count;
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2) * std / Math.Sqrt(n);
        return new SampleSummary(n, mean, std, mean - half, mean + half);
    }
}
