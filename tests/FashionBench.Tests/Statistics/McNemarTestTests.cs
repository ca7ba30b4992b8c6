using FashionBench.Harness.Statistics;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

public class McNemarTestTests
{
    // p = min(1, 2·P(X ≤ min(b, c))), X ~ Bin(b + c, ½), by hand: b=1, c=6 → 2·(1 + 7)/2⁷ = 0.125.
    [TestCase(1, 6, 0.125)]
    [TestCase(6, 1, 0.125)]
    [TestCase(0, 10, 2.0 / 1024)]
    [TestCase(2, 3, 1.0)]              // 2·(1 + 5 + 10)/32 = 1 → capped at 1
    [TestCase(3, 12, 2 * 576.0 / 32768)] // 2·(1 + 15 + 105 + 455)/2¹⁵
    [TestCase(0, 0, 1.0)]
    public void ExactPValueMatchesTheBinomialSumByHand(int b, int c, double expected) =>
        Assert.That(McNemarTest.ExactPValue(b, c), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void DiscordantCountsOnlyItemsWhereExactlyOneIsRight()
    {
        bool[] first = [true, true, false, false, true, false];
        bool[] second = [true, false, true, false, false, true];
        Assert.That(McNemarTest.Discordant(first, second), Is.EqualTo((2, 2)));
        Assert.That(McNemarTest.Discordant(first, [.. first]), Is.EqualTo((0, 0)));
    }

    [Test]
    public void PairsOfDifferentLengthAreRejected() =>
        Assert.Throws<ArgumentException>(() => McNemarTest.Discordant([true], [true, false]));
}
