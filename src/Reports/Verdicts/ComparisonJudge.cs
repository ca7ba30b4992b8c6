using System.Globalization;
using FashionBench.Harness.Statistics;
using FashionBench.Models;

namespace FashionBench.Reports.Verdicts;

/// <summary>
/// The rule for a comparative finding ("A scores higher than B"), a pure function of seed-matched pairs:
/// <list type="bullet">
/// <item>held when the 95 % interval of the mean paired difference lies above 0 and, where the two were scored on the
/// same test images, McNemar's exact test stratified by seed gives p &lt; 0.05;</item>
/// <item>did not hold when the interval lies below 0 (the reverse is shown), with the same McNemar condition;</item>
/// <item>inconclusive otherwise, including when the interval and McNemar's test disagree (the note says so).</item>
/// </list>
/// The finding is the direction; the documented size is shown beside the measured one, with whether it lies inside
/// the interval. A parameter comparison is an exact fact of the two built architectures.
/// </summary>
public static class ComparisonJudge
{
    public const double Alpha = 0.05;

    /// <summary>A parameter comparison: a fact of the two built architectures, with or without training.</summary>
    public static ComparisonVerdict Parameters(string writeUp, ComparativeClaim claim, string device, long higher, long lower) =>
        Row(writeUp, claim, device, []) with
        {
            MeanDifference = higher - lower, Verdict = higher > lower ? Verdict.Held : Verdict.DidNotHold, IsAccuracy = false,
            Note = Invariant($"{higher:N0} against {lower:N0} parameters, counted from the built architectures"),
        };

    /// <param name="pairs">One pair per seed where both models' runs are healthy.</param>
    /// <param name="failed">Seeds left out because a run of either model failed.</param>
    /// <param name="notComparable">Why these runs cannot test the finding ("profile"), or null.</param>
    public static ComparisonVerdict Judge(string writeUp, ComparativeClaim claim, string device, IReadOnlyList<PairedSeed> pairs,
        IReadOnlyList<long> failed, string? notComparable)
    {
        var row = Row(writeUp, claim, device, pairs);
        if (notComparable is not null) return row with { Verdict = Verdict.NotComparable, Reason = notComparable };
        if (pairs.Count == 0)
            return failed.Count > 0
                ? row with { Verdict = Verdict.RunFailed, Note = $"every seed has a failed run (seeds {string.Join(' ', failed)})" }
                : row with { Verdict = Verdict.NotComparable, Reason = "no seed-matched runs" };

        var comparison = PairedComparison.Of(pairs);
        var interval = comparison.Difference;
        var (low, high) = Proportion.Cut(interval.Low, interval.High, difference: true);
        var significant = comparison.PooledMcNemarP is not { } p || p < Alpha;
        var verdict = low > 0 && significant ? Verdict.Held
            : high < 0 && significant ? Verdict.DidNotHold
            : Verdict.Inconclusive;
        var notes = new List<string>();
        if (pairs.Count == 1) notes.Add("single seed: seed variance unknown, the interval is test-set sampling only");
        if (failed.Count > 0) notes.Add($"seeds {string.Join(' ', failed)} left out (a failed run)");
        if (comparison.PooledMcNemarP is null) notes.Add("no per-item pairs for this measure: unpaired sampling variance (conservative), no McNemar test");
        if (verdict == Verdict.Inconclusive && (low > 0 || high < 0))
            notes.Add("the interval excludes 0 but McNemar's test does not reject equal accuracy");
        if (verdict == Verdict.DidNotHold) notes.Add("the reverse holds");
        if (claim.Difference is { } documented)
            notes.Add(documented < low ? "documented difference below the interval"
                : documented > high ? "documented difference above the interval" : "documented difference inside the interval");
        return row with
        {
            MeanDifference = interval.Mean, SeedSd = interval.Seeds is { } s ? Math.Sqrt(s.Variance) : null,
            SamplingSd = Math.Sqrt(interval.SamplingVariance),
            Df = double.IsPositiveInfinity(interval.DegreesOfFreedom) ? null : interval.DegreesOfFreedom, T = interval.Quantile,
            CiLow = low, CiHigh = high,
            OnlyHigherRight = comparison.PooledMcNemarP is null ? null : comparison.OnlyHigherRight,
            OnlyLowerRight = comparison.PooledMcNemarP is null ? null : comparison.OnlyLowerRight,
            McNemarP = comparison.PooledMcNemarP, Verdict = verdict, Note = string.Join("; ", notes),
        };
    }

    static ComparisonVerdict Row(string writeUp, ComparativeClaim claim, string device, IReadOnlyList<PairedSeed> pairs) => new()
    {
        WriteUp = writeUp, Finding = claim.Finding, Higher = claim.Higher, Lower = claim.Lower, Device = device,
        Measure = MeasureName(claim.Measure), DocumentedDifference = claim.Difference, N = pairs.Count,
        Seeds = string.Join(' ', pairs.Select(p => p.Seed.ToString(CultureInfo.InvariantCulture))),
    };

    public static string MeasureName(ComparedMeasure measure) => measure switch
    {
        ComparedMeasure.TestAccuracy => "test accuracy",
        ComparedMeasure.BestEpochTestAccuracy => "best-epoch test accuracy",
        ComparedMeasure.FirstEpochValidationAccuracy => "validation accuracy after epoch 1",
        _ => "parameters",
    };

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
