using FashionBench.Harness.Statistics;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

public class SampleSummaryTests
{
    [Test]
    public void ThreeSeedsGiveTheHandComputedTInterval()
    {
        var s = SampleSummary.Of([0.90, 0.91, 0.92]);
        // mean 0.91, sample std 0.01; t(0.975, 2 dof) = 4.302653 from tables.
        var half = 4.302653 * 0.01 / Math.Sqrt(3);
        Assert.That(s.N, Is.EqualTo(3));
        Assert.That(s.Mean, Is.EqualTo(0.91).Within(1e-12));
        Assert.That(s.StdDev, Is.EqualTo(0.01).Within(1e-12));
        Assert.That(s.CiLow, Is.EqualTo(0.91 - half).Within(1e-8));
        Assert.That(s.CiHigh, Is.EqualTo(0.91 + half).Within(1e-8));
    }

    [Test]
    public void TwoSeedsUseOneDegreeOfFreedom()
    {
        var s = SampleSummary.Of([0.80, 0.82]);
        // std = 0.02/√2; t(0.975, 1) = 12.706205.
        var half = 12.706205 * (0.02 / Math.Sqrt(2)) / Math.Sqrt(2);
        Assert.That(s.CiHigh - s.Mean, Is.EqualTo(half).Within(1e-8));
    }

    [Test]
    public void OneValueHasNoSpread() =>
        Assert.Throws<ArgumentException>(() => SampleSummary.Of([0.9]));
}
