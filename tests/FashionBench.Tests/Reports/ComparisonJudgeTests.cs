using FashionBench.Harness.Statistics;
using FashionBench.Models;
using FashionBench.Reports.Verdicts;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>The rule for "A scores higher than B", on hand-made seed-matched pairs.</summary>
public sealed class ComparisonJudgeTests
{
    static readonly ComparativeClaim Claim = new("augmentation hurts", "fashion-cnn/no-aug", "fashion-cnn/aug-dropout",
        ComparedMeasure.TestAccuracy, 0.0276, "Augmentation reduces performance");

    static PairedSeed Seed(long seed, double difference, int b, int c) => new(seed, 0.90 + difference, 0.90, 10_000, b, c);

    static ComparisonVerdict Judge(params PairedSeed[] pairs) => ComparisonJudge.Judge("002", Claim, "cpu", pairs, [], null);

    [Test]
    public void HeldWhenTheIntervalIsAboveZeroAndMcNemarRejects()
    {
        // Five seeds at +1.8 … +2.2 pp, 400 against 200 discordant images each.
        var v = Judge(Seed(1, 0.018, 400, 220), Seed(2, 0.019, 410, 220), Seed(3, 0.020, 400, 200), Seed(4, 0.021, 410, 200), Seed(5, 0.022, 420, 200));
        Assert.That(v.Verdict, Is.EqualTo(Verdict.Held));
        Assert.That(v.CiLow, Is.GreaterThan(0));
        Assert.That((v.OnlyHigherRight, v.OnlyLowerRight), Is.EqualTo((2_040, 1_040)));
        Assert.That(v.McNemarP, Is.LessThan(1e-10));
        Assert.That(v.Note, Is.EqualTo("documented difference above the interval"), "2.76 pp against 2.0 ± 0.5");
    }

    [Test]
    public void DidNotHoldWhenTheReverseIsShown()
    {
        var v = Judge(Seed(1, -0.02, 200, 400), Seed(2, -0.02, 200, 400));
        Assert.That(v.Verdict, Is.EqualTo(Verdict.DidNotHold));
        Assert.That(v.Note, Does.Contain("the reverse holds"));
    }

    [Test]
    public void InconclusiveWhenTheIntervalStraddlesZero()
    {
        var v = Judge(Seed(1, 0.002, 310, 290), Seed(2, -0.001, 295, 305));
        Assert.That(v.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(v.CiLow, Is.LessThan(0));
        Assert.That(v.CiHigh, Is.GreaterThan(0));
    }

    [Test]
    public void ADifferencesIntervalIsCutAtPlusAndMinusOneHundredPoints()
    {
        // Two seeds +80 and −20 pp apart: s ≈ 0.71, t(0.975, ~1) ≈ 12.7, so mean ± half would be about [−6, +7].
        var v = Judge(new PairedSeed(1, 0.95, 0.15, 10_000, 8_200, 200), new PairedSeed(2, 0.30, 0.50, 10_000, 1_000, 3_000));
        Assert.That((v.CiLow, v.CiHigh), Is.EqualTo((-1.0, 1.0)));
        Assert.That(v.MeanDifference, Is.EqualTo(0.30).Within(1e-12));
        Assert.That(v.Verdict, Is.EqualTo(Verdict.Inconclusive));
    }

    [Test]
    public void FailedRunsProfilesAndParameterCountsHaveTheirOwnOutcomes()
    {
        Assert.That(ComparisonJudge.Judge("002", Claim, "cpu", [], [1, 2], null).Verdict, Is.EqualTo(Verdict.RunFailed));
        Assert.That(ComparisonJudge.Judge("002", Claim, "cpu", [Seed(1, 0.02, 400, 200)], [], "profile").VerdictText, Is.EqualTo("not comparable (profile)"));
        var strided = Claim with { Measure = ComparedMeasure.Parameters, Difference = null };
        Assert.That(ComparisonJudge.Parameters("001", strided, "cpu", 641_674, 890_218).Verdict, Is.EqualTo(Verdict.DidNotHold));
        Assert.That(ComparisonJudge.Parameters("001", strided, "cpu", 910_986, 890_218).Verdict, Is.EqualTo(Verdict.Held));
    }

    [Test]
    public void ASingleSeedSaysSo() =>
        Assert.That(Judge(Seed(1, 0.02, 400, 200)).Note, Does.StartWith("single seed"));
}
