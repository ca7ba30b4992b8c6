namespace FashionBench.Harness.Statistics;

/// <summary>
/// One seed of a paired comparison: the two models' measurements (proportions) with the same seed, each on
/// <paramref name="Items"/> items, and, where both were scored on the same items, the discordant counts
/// (<paramref name="OnlyHigherRight"/>: items only the first got right; <paramref name="OnlyLowerRight"/>: the reverse).
/// For a measure that is not a proportion of items (macro F1), <paramref name="ItemSamplingVariance"/> gives its paired
/// sampling variance instead (<see cref="MacroF1Jackknife"/>).
/// </summary>
public sealed record PairedSeed(long Seed, double Higher, double Lower, int Items, int? OnlyHigherRight = null, int? OnlyLowerRight = null,
    double? ItemSamplingVariance = null)
{
    public double Difference => Higher - Lower;

    public bool PerItem => OnlyHigherRight is not null && OnlyLowerRight is not null;

    /// <summary>
    /// The sampling variance of the difference: <see cref="ItemSamplingVariance"/> where given. With per-item pairs,
    /// that of a mean of per-item differences in {−1, 0, 1}: ((b + c)/N − ((b − c)/N)²)/N. Without, the unpaired
    /// (p₁(1 − p₁) + p₂(1 − p₂))/N, which ignores the positive correlation of two models scored on the same items and so
    /// overstates it: a conservative bound.
    /// </summary>
    public double SamplingVariance => ItemSamplingVariance ?? (PerItem
        ? ((double)(OnlyHigherRight!.Value + OnlyLowerRight!.Value) / Items - Math.Pow((double)(OnlyHigherRight.Value - OnlyLowerRight.Value) / Items, 2)) / Items
        : (Higher * (1 - Higher) + Lower * (1 - Lower)) / Items);
}

/// <summary>
/// A seed-matched comparison of two models: the mean paired difference over seeds with its 95 %
/// <see cref="CombinedInterval"/> (seed variance of the differences, plus the sampling variance averaged over seeds,
/// whole: the seeds share their test items), and, with per-item pairs, McNemar's exact test stratified by seed, that is on the
/// discordant counts pooled over seeds. Pooling is exact under the null: in every seed each discordant item is equally
/// likely to favour either model, so the pooled count is Bin(Σ(b + c), ½).
/// </summary>
public sealed record PairedComparison(CombinedInterval Difference, int OnlyHigherRight, int OnlyLowerRight, double? PooledMcNemarP)
{
    /// <param name="borrowed">The seed spread of a difference, used when there is one pair only (see <see cref="CombinedInterval"/>).</param>
    public static PairedComparison Of(IReadOnlyList<PairedSeed> seeds, SeedSpread? borrowed = null)
    {
        if (seeds.Count == 0) throw new ArgumentException("a paired comparison needs at least one seed", nameof(seeds));
        if (seeds.Any(s => s.Items <= 0)) throw new ArgumentException("every seed needs the number of items it was measured on", nameof(seeds));
        var paired = seeds.All(s => s.PerItem);
        var interval = CombinedInterval.Of(seeds.Select(s => s.Difference).ToList(), seeds.Average(s => s.SamplingVariance), borrowed);
        var (b, c) = (seeds.Sum(s => s.OnlyHigherRight ?? 0), seeds.Sum(s => s.OnlyLowerRight ?? 0));
        return new PairedComparison(interval, b, c, paired ? McNemarTest.ExactPValue(b, c) : null);
    }
}
