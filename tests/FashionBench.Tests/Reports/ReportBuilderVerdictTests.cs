using FashionBench.Models;
using FashionBench.Reports.Verdicts;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>Each verdict rule of the report, on hand-made measurements.</summary>
public sealed class ReportBuilderVerdictTests
{
    /// <summary>A comparable run on 10,000 test images: 90 % accuracy, F1 0.89, best epoch 91 %.</summary>
    static RunFacts Run(string? notComparable = null, bool validatesOnTest = false, long parameters = 7_108) => new(
        "model-cpu-s1-00000000", "model", 1, parameters, TestImages: 10_000, TestAccuracy: 0.90, MacroF1: 0.89, BestValidationAccuracy: 0.91,
        validatesOnTest, new Dictionary<int, double> { [1] = 0.80, [7] = 0.91, [10] = 0.90 },
        MinValidationLoss: 0.3, BestTrainAccuracy: 0.95, EpochSecondsMedian: 12,
        new Dictionary<string, double> { ["Shirt"] = 0.70, ["Bag"] = 0.97 }, notComparable);

    static DocumentedResults Accuracy(double value) => new() { TestAccuracy = value };

    [TestCase(0.9, 10_000, 0.006)]       // 2·sqrt(0.09/10⁴) = 0.6 pp
    [TestCase(0.9, 1_000, 0.018973666)]  // small test sets widen it
    [TestCase(0.99, 10_000, 0.005)]      // 2·sqrt(0.0099/10⁴) = 0.2 pp: the 0.5 pp floor applies
    public void ToleranceIsTheLargerOfHalfAPointAndTwoStandardErrors(double p, int n, double expected) =>
        Assert.That(AccuracyTolerance.Of(p, n), Is.EqualTo(expected).Within(1e-9));

    [Test]
    public void AccuracyClaimHoldsDownToDocumentedMinusTolerance()
    {
        // Documented 90.5 %: the tolerance is 2·sqrt(.905·.095/10⁴) = 0.586 pp, so the measured 90.0 % holds;
        // documented 90.65 % (tolerance 0.583 pp) needs at least 90.07 %.
        var held = ClaimJudge.TestAccuracy(Accuracy(0.905), Run());
        Assert.That(held.Verdict, Is.EqualTo(Verdict.Held));
        Assert.That(held.Tolerance, Is.EqualTo(AccuracyTolerance.Of(0.905, 10_000)));
        Assert.That(ClaimJudge.TestAccuracy(Accuracy(0.9065), Run()).Verdict, Is.EqualTo(Verdict.DidNotHold));
        Assert.That(ClaimJudge.TestAccuracy(Accuracy(0.85), Run()).Verdict, Is.EqualTo(Verdict.Held), "better than documented holds");
    }

    [Test]
    public void LowerBoundHoldsOnlyAboveTheBound()
    {
        var bound = new DocumentedResults { TestAccuracy = 0.90, TestAccuracyIsLowerBound = true };
        var atBound = ClaimJudge.TestAccuracy(bound, Run());
        Assert.That(atBound.Verdict, Is.EqualTo(Verdict.DidNotHold), "90 % is not 'over 90 %'");
        Assert.That(atBound.Qualifier, Is.EqualTo(">"));
        Assert.That(atBound.Tolerance, Is.Null);
        Assert.That(ClaimJudge.TestAccuracy(bound with { TestAccuracy = 0.8999 }, Run()).Verdict, Is.EqualTo(Verdict.Held));
    }

    [Test]
    public void BestEpochClaimUsesTheBestValidationAccuracyWhenValidationIsTheTestSet()
    {
        var claim = new DocumentedResults { TestAccuracy = 0.912, TestAccuracyIsBestEpoch = true };
        var onTest = ClaimJudge.TestAccuracy(claim, Run(validatesOnTest: true));
        Assert.That(onTest.Measured, Is.EqualTo(0.91));
        Assert.That(onTest.Claim, Is.EqualTo("best-epoch test accuracy"));
        Assert.That(onTest.Verdict, Is.EqualTo(Verdict.Held));

        var heldOut = ClaimJudge.TestAccuracy(claim, Run(validatesOnTest: false));
        Assert.That(heldOut.Measured, Is.EqualTo(0.90), "a held-out validation set is not the test set: the final test accuracy is compared");
        Assert.That(heldOut.Verdict, Is.EqualTo(Verdict.DidNotHold));
    }

    [Test]
    public void AccuracyAtAnEpochIsReadFromTheTestSetCurve()
    {
        var claim = new DocumentedResults { TestAccuracy = 0.90, TestAccuracyAtEpoch = new Dictionary<int, double> { [7] = 0.915, [10] = 0.90 } };
        var atEpochs = ClaimJudge.AccuracyAtEpochs(claim, Run(validatesOnTest: true)).ToList();
        Assert.That(atEpochs.Select(v => v.Claim), Is.EqualTo(new[] { "test accuracy at epoch 7" }), "epoch 10 restates the final-accuracy claim");
        Assert.That(atEpochs[0].Measured, Is.EqualTo(0.91));
        Assert.That(atEpochs[0].Verdict, Is.EqualTo(Verdict.Held));
        Assert.That(ClaimJudge.AccuracyAtEpochs(claim, Run(validatesOnTest: false)).Single().Verdict, Is.EqualTo(Verdict.NotComparable));
    }

    [Test]
    public void MacroF1FollowsTheAccuracyRule()
    {
        Assert.That(ClaimJudge.MacroF1(0.895, Run()).Verdict, Is.EqualTo(Verdict.Held));
        Assert.That(ClaimJudge.MacroF1(0.9, Run()).Verdict, Is.EqualTo(Verdict.DidNotHold));
    }

    [TestCase(ParameterClaimKind.Exact, 7_108, Verdict.Held)]
    [TestCase(ParameterClaimKind.Exact, 7_107, Verdict.DidNotHold)]
    [TestCase(ParameterClaimKind.Approximate, 6_000, Verdict.Held)]
    [TestCase(ParameterClaimKind.Approximate, 310_000, Verdict.DidNotHold)]
    [TestCase(ParameterClaimKind.UpperBound, 1_000_000, Verdict.Held)]
    [TestCase(ParameterClaimKind.UpperBound, 7_108, Verdict.DidNotHold)]
    public void ParameterClaimsAreJudgedByTheirKindWhateverTheProfile(ParameterClaimKind kind, long value, Verdict expected)
    {
        Assert.That(ClaimJudge.Parameters(new ParameterClaim(kind, value), Run()).Verdict, Is.EqualTo(expected));
        Assert.That(ClaimJudge.Parameters(new ParameterClaim(kind, value), Run(notComparable: "profile")).Verdict, Is.EqualTo(expected));
    }

    [Test]
    public void PerClassF1HoldsWithinTwoPointsBelow()
    {
        Assert.That(ClaimJudge.PerClassF1("Shirt", 0.715, Run()).Verdict, Is.EqualTo(Verdict.Held));
        Assert.That(ClaimJudge.PerClassF1("Shirt", 0.7201, Run()).Verdict, Is.EqualTo(Verdict.DidNotHold));
        Assert.That(ClaimJudge.PerClassF1("Bag", 0.90, Run()).Verdict, Is.EqualTo(Verdict.Held), "above the documented value holds");
        Assert.That(ClaimJudge.PerClassF1("Sandal", 0.90, Run()).Verdict, Is.EqualTo(Verdict.NotComparable), "a class the run does not have");
    }

    [Test]
    public void AProfileRunIsNotComparableForAccuracyClaimsAndCountsAsNothingToCompare()
    {
        var documented = new DocumentedResults
        {
            TestAccuracy = 0.99, MacroF1 = 0.99, Parameters = new ParameterClaim(ParameterClaimKind.Exact, 7_108),
            PerClassF1 = new Dictionary<string, double> { ["Bag"] = 0.99 },
        };
        var verdicts = ClaimJudge.Judge(documented, Run(notComparable: ProfileComparability.Reason));
        Assert.That(verdicts.Select(v => (v.Claim, v.VerdictText)), Is.EqualTo(new[]
        {
            ("test accuracy", "not comparable (profile)"), ("macro F1", "not comparable (profile)"),
            ("parameters (exact)", "held"), ("F1 of Bag", "not comparable (profile)"),
        }));
        Assert.That(VerdictCounts.Of(verdicts), Is.EqualTo(new VerdictCounts(Held: 1, DidNotHold: 0, NothingToCompare: 3, NotJudged: 0)));
    }

    [Test]
    public void AModelWithoutAnAccuracyClaimHasNothingDocumented()
    {
        var verdict = ClaimJudge.Judge(DocumentedResults.Nothing, Run()).Single();
        Assert.That(verdict.Verdict, Is.EqualTo(Verdict.NothingDocumented));
        Assert.That(verdict.Measured, Is.EqualTo(0.90));
        Assert.That(verdict.NothingToCompare, Is.True);
    }

    [Test]
    public void NumbersWithoutARuleAreShownButNotJudged()
    {
        var documented = new DocumentedResults { TestAccuracy = 0.9, ValidationAccuracy = 0.92, ValidationLoss = 0.25, TrainAccuracy = 0.99, EpochSeconds = 180 };
        var shown = ClaimJudge.Judge(documented, Run()).Where(v => v.Verdict == Verdict.NotJudged).ToList();
        Assert.That(shown.Select(v => (v.Claim, v.Measured)), Is.EqualTo(new (string, double?)[]
        {
            ("best validation accuracy", 0.91), ("lowest validation loss", 0.3), ("best training accuracy", 0.95), ("epoch time", 12),
        }));
        Assert.That(VerdictCounts.Of(shown).NotJudged, Is.EqualTo(4));
    }

    [TestCase(null, null, 20, 20, true)]
    [TestCase(null, null, 25, 20, true)]
    [TestCase(null, null, 2, 20, false)]       // quick: fewer epochs
    [TestCase(2_000, 1_000, 20, 20, false)]    // smoke-sized data, even with the full epochs
    [TestCase(null, 1_000, 20, 20, false)]
    public void ComparableOnlyWithAllDataAndTheDocumentedEpochs(int? trainLimit, int? testLimit, int epochs, int documented, bool comparable) =>
        Assert.That(ProfileComparability.Check(trainLimit, testLimit, epochs, documented), comparable ? Is.Null : Is.EqualTo("profile"));
}
