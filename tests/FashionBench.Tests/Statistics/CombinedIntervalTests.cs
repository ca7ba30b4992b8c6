using FashionBench.Harness.Statistics;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

/// <summary>The verdict interval against values worked out by hand with printed t tables.</summary>
public sealed class CombinedIntervalTests
{
    static readonly double[] ThreeSeeds = [0.90, 0.91, 0.92];   // mean 0.91, s² = 1e-4, s²/k = 3.333e-5

    [Test]
    public void WithoutSamplingVarianceItIsTheStudentTIntervalOverSeeds()
    {
        var i = CombinedInterval.Of(ThreeSeeds, 0);
        Assert.That(i.DegreesOfFreedom, Is.EqualTo(2).Within(1e-12));
        Assert.That(i.Quantile, Is.EqualTo(4.302653).Within(1e-6));                          // t(0.975, 2)
        Assert.That(i.HalfWidth, Is.EqualTo(4.302653 * Math.Sqrt(1e-4 / 3)).Within(1e-7));   // 0.024841
        Assert.That(i.Mean, Is.EqualTo(0.91).Within(1e-12));
    }

    [Test]
    public void SamplingVarianceIsAddedWholeAndTheDegreesOfFreedomFollowWelchSatterthwaite()
    {
        // v = s²/k: total = 2·s²/k, ν = 2·(2·s²/k)²/(s²/k)² = 8; t(0.975, 8) = 2.306004; half = 2.306004·√(6.667e-5) = 0.018829.
        var i = CombinedInterval.Of(ThreeSeeds, 1e-4 / 3);
        Assert.That(i.DegreesOfFreedom, Is.EqualTo(8).Within(1e-9));
        Assert.That(i.Quantile, Is.EqualTo(2.306004).Within(1e-6));
        Assert.That(i.HalfWidth, Is.EqualTo(0.018829).Within(1e-6));
        Assert.That(i.Seeds!.Source, Is.EqualTo(SeedSpread.Own));
    }

    [Test]
    public void IdenticalSeedsLeaveTheSamplingPartWithTheNormalQuantile()
    {
        var i = CombinedInterval.Of([0.9, 0.9, 0.9, 0.9, 0.9], 0.9 * 0.1 / 10_000);
        Assert.That(double.IsPositiveInfinity(i.DegreesOfFreedom));
        Assert.That(i.Quantile, Is.EqualTo(1.959964).Within(1e-6));
        Assert.That(i.HalfWidth, Is.EqualTo(1.959964 * 0.003).Within(1e-8));                   // √(0.09/10⁴) = 0.003
    }

    [Test]
    public void ASingleSeedBorrowsTheSpreadInFullOrHasOnlyTheSamplingPart()
    {
        var borrowed = new SeedSpread(1e-4, 4, "the CPU reference (5 seeds)");
        var i = CombinedInterval.Of([0.91], 0, borrowed);
        Assert.That(i.DegreesOfFreedom, Is.EqualTo(4).Within(1e-12));
        Assert.That(i.HalfWidth, Is.EqualTo(2.776445 * 0.01).Within(1e-7));                    // t(0.975, 4)·√(1e-4/1)
        Assert.That(i.Seeds, Is.SameAs(borrowed));

        var alone = CombinedInterval.Of([0.91], 0.91 * 0.09 / 10_000);
        Assert.That(alone.SeedVarianceKnown, Is.False);
        Assert.That(alone.HalfWidth, Is.EqualTo(1.959964 * Math.Sqrt(0.91 * 0.09 / 10_000)).Within(1e-8));
    }

    [Test]
    public void SeveralSeedsIgnoreABorrowedSpread() =>
        Assert.That(CombinedInterval.Of(ThreeSeeds, 0, new SeedSpread(1, 4, "elsewhere")).Seeds!.Source, Is.EqualTo(SeedSpread.Own));

    [Test]
    public void NoValuesOrANegativeVarianceAreRefused()
    {
        Assert.Throws<ArgumentException>(() => CombinedInterval.Of([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CombinedInterval.Of([0.9], -1e-6));
    }
}
