using System.Globalization;
using MathNet.Numerics.Distributions;

namespace FashionBench.Harness.Statistics;

/// <summary>
/// McNemar's exact test for two classifiers scored on the same items: only the discordant items count,
/// b (first right, second wrong) and c (the reverse); under "equally accurate" b ~ Bin(b + c, ½).
/// </summary>
public static class McNemarTest
{
    /// <summary>Two-sided exact p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½); 1 when there is no discordant item.</summary>
    public static double ExactPValue(int b, int c)
    {
        if (b < 0 || c < 0) throw new ArgumentOutOfRangeException(nameof(b), $"counts must be non-negative, got b={b}, c={c}");
        return Math.Min(1, TwelveDigits(2 * Binomial.CDF(0.5, b + c, Math.Min(b, c))));
    }

    // MathNet's CDF (a regularized incomplete beta) carries ~1e-15 of noise (b=1, c=6 gives 0.12499999999999654);
    // 12 significant digits keep every meaningful digit and print the exact values as such.
    static double TwelveDigits(double p) =>
        double.Parse(p.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>(b, c) from per-item correctness of the first and the second classifier, item i paired with item i.</summary>
    public static (int B, int C) Discordant(IReadOnlyList<bool> firstCorrect, IReadOnlyList<bool> secondCorrect)
    {
        if (firstCorrect.Count != secondCorrect.Count)
            throw new ArgumentException($"paired items differ in number: {firstCorrect.Count} vs {secondCorrect.Count}");
        int b = 0, c = 0;
        for (var i = 0; i < firstCorrect.Count; i++)
        {
            if (firstCorrect[i] && !secondCorrect[i]) b++;
            else if (!firstCorrect[i] && secondCorrect[i]) c++;
        }
        return (b, c);
    }
}
