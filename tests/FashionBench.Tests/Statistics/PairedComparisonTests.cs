using FashionBench.Harness.Statistics;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

/// <summary>The paired difference and the stratified McNemar test, against values worked out by hand.</summary>
public sealed class PairedComparisonTests
{
    [Test]
    public void ThePairedSamplingVarianceIsThatOfAMeanOfPerItemDifferences()
    {
        // b = 400, c = 200 of 10,000: ((600/10⁴) − (200/10⁴)²)/10⁴ = (0.06 − 0.0004)/10⁴ = 5.96e-6.
        Assert.That(new PairedSeed(1, 0.92, 0.90, 10_000, 400, 200).SamplingVariance, Is.EqualTo(5.96e-6).Within(1e-15));
        // Without per-item pairs: (0.9·0.1 + 0.8·0.2)/1,000 = 2.5e-4.
        Assert.That(new PairedSeed(1, 0.9, 0.8, 1_000).SamplingVariance, Is.EqualTo(2.5e-4).Within(1e-15));
    }

    [Test]
    public void IdenticalDifferencesGiveTheNormalIntervalOfTheirSamplingVariance()
    {
        var c = PairedComparison.Of([new PairedSeed(1, 0.92, 0.90, 10_000, 400, 200), new PairedSeed(2, 0.92, 0.90, 10_000, 400, 200)]);
        Assert.That(c.Difference.Mean, Is.EqualTo(0.02).Within(1e-12));
        Assert.That(c.Difference.HalfWidth, Is.EqualTo(1.959964 * Math.Sqrt(5.96e-6)).Within(1e-8));   // 0.0047849
        Assert.That((c.OnlyHigherRight, c.OnlyLowerRight), Is.EqualTo((800, 400)));
    }

    [Test]
    public void McNemarIsStratifiedByPoolingTheDiscordantItemsOfEverySeed()
    {
        // Seeds (3, 0) and (2, 0): alone p = 2·(½)³ = 0.25 and 2·(½)² = 0.5; pooled (5, 0): 2·(½)⁵ = 0.0625.
        var c = PairedComparison.Of([new PairedSeed(1, 0.53, 0.50, 100, 3, 0), new PairedSeed(2, 0.52, 0.50, 100, 2, 0)]);
        Assert.That(c.PooledMcNemarP, Is.EqualTo(0.0625).Within(1e-12));
        Assert.That(PairedComparison.Of([new PairedSeed(1, 0.9, 0.8, 1_000)]).PooledMcNemarP, Is.Null, "no per-item pairs, no McNemar");
    }

    [Test]
    public void SeedSpreadOfTheDifferencesEntersTheInterval()
    {
        // Differences 0.02 and 0.03 with no sampling part would be t(0.975, 1)·√(5e-5/2) = 12.706205·0.005 = 0.063531.
        var seeds = new[] { new PairedSeed(1, 0.92, 0.90, 10_000, 400, 200), new PairedSeed(2, 0.93, 0.90, 10_000, 450, 150) };
        var c = PairedComparison.Of(seeds);
        Assert.That(c.Difference.Seeds!.Variance, Is.EqualTo(5e-5).Within(1e-15));
        Assert.That(c.Difference.SamplingVariance, Is.EqualTo((5.96e-6 + 5.91e-6) / 2).Within(1e-15));
        Assert.That(c.Difference.HalfWidth, Is.GreaterThan(0.063531 * 0.5).And.LessThan(0.063531), "more df than 1 once the sampling part is added");
    }
}
