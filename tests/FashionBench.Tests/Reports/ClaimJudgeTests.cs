using FashionBench.Harness.Statistics;
using FashionBench.Models;
using FashionBench.Reports.Verdicts;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>The verdict rule at its edges and the taxonomy, on hand-made runs of 10,000 test images.</summary>
public sealed class ClaimJudgeTests
{
    const int TestImages = 10_000;

    // Five seeds around 91 %: mean 0.91, s = 0.001 (values 0.9090 … 0.9110 step 0.0005), so s²/k = 2e-7 and the
    // sampling variance 0.91·0.09/10⁴ = 8.19e-6 dominates: half-width ≈ 1.97·√(8.39e-6) ≈ 0.0057.
    static readonly double[] FiveSeeds = [0.9090, 0.9095, 0.9100, 0.9105, 0.9110];

    static RunFacts Run(long seed, double accuracy, string status = "ok", string? reason = null, string? notComparable = null, bool validatesOnTest = false) => new(
        $"model-cpu-s{seed}-00000000", "model", "cpu", seed, status, reason, Parameters: 7_108, TestImages, ValidationImages: 6_000, TrainImages: 54_000,
        accuracy, MacroF1: accuracy - 0.01, BestValidationAccuracy: accuracy + 0.01, validatesOnTest,
        new Dictionary<int, EpochFacts>
        {
            [1] = new(0.9, 0.70, 0.6, 0.80), [7] = new(0.35, 0.88, 0.33, accuracy + 0.01), [10] = new(0.30, 0.89, 0.38, accuracy),
        },
        MinValidationLoss: 0.3, BestTrainAccuracy: 0.95, EpochSecondsMedian: 12, TrainSeconds: 120, PeakRssMb: 900,
        new Dictionary<string, (double, int)> { ["Shirt"] = (0.70, 1_000), ["Bag"] = (0.97, 1_000) }, "AMD EPYC", notComparable);

    static List<RunFacts> Runs(IEnumerable<double> accuracies, string? notComparable = null) =>
        accuracies.Select((a, i) => Run(i + 1, a, notComparable: notComparable)).ToList();

    static ModelSpec Spec(DocumentedResults documented, params Contradiction[] contradictions) =>
        ModelCatalog.Find("mnist-8k/model1")! with { Documented = documented, Contradictions = contradictions };

    static ClaimVerdict Accuracy(DocumentedResults documented, IReadOnlyList<RunFacts> runs, Func<string, SeedSpread?>? borrowed = null) =>
        ClaimJudge.Judge(Spec(documented), runs, borrowed).First(v => v.Claim != ClaimJudge.TrainingRun);

    [TestCase(0.9000, Verdict.Held)]          // interval ≈ [0.9043, 0.9157] lies above 0.89995
    [TestCase(0.9040, Verdict.Held)]          // line 0.90395: the lower end 0.9043 is at or above it
    [TestCase(0.9100, Verdict.Inconclusive)]  // straddles
    [TestCase(0.9150, Verdict.Inconclusive)]
    [TestCase(0.9160, Verdict.DidNotHold)]    // line 0.91595: the upper end 0.9157 is below it
    public void AnAccuracyClaimIsHeldInconclusiveOrNotByWhereTheIntervalLies(double documented, Verdict expected)
    {
        var v = Accuracy(new DocumentedResults { TestAccuracy = documented }, Runs(FiveSeeds));
        Assert.That(v.Verdict, Is.EqualTo(expected));
        Assert.That(v.N, Is.EqualTo(5));
        Assert.That(v.Seeds, Is.EqualTo("1 2 3 4 5"));
        Assert.That(v.Line, Is.EqualTo(documented - 0.00005).Within(1e-12), "the line is documented less half a unit of the printed 0.01 pp");
        Assert.That(v.CiLow, Is.EqualTo(0.9043).Within(2e-4));
        Assert.That(v.CiHigh, Is.EqualTo(0.9157).Within(2e-4));
        Assert.That(v.SeedVarianceFrom, Is.EqualTo(SeedSpread.Own));
    }

    [Test]
    public void ThePrintedRoundingMovesTheLine()
    {
        // "83 %" carries ±0.5 pp: five seeds at 82.6 % (half-width 0.74 pp from sampling) are held against 82.5 %...
        var documented = new DocumentedResults { TestAccuracy = 0.83, Rounding = 0.005 };
        var runs = Runs(Enumerable.Repeat(0.8335, 5));
        Assert.That(Accuracy(documented, runs).Line, Is.EqualTo(0.825).Within(1e-12));
        Assert.That(Accuracy(documented, runs).Verdict, Is.EqualTo(Verdict.Held));
        // ...where "83.00 %" (±0.005 pp) would leave it inconclusive.
        Assert.That(Accuracy(documented with { Rounding = 0.00005 }, runs).Verdict, Is.EqualTo(Verdict.Inconclusive));
    }

    [Test]
    public void AMeasurementWellAboveTheClaimHoldsAndIsFlaggedExceeded()
    {
        var v = Accuracy(new DocumentedResults { TestAccuracy = 0.85 }, Runs(FiveSeeds));
        Assert.That(v.Verdict, Is.EqualTo(Verdict.Held));
        Assert.That((v.Note, v.Exceeded), Is.EqualTo(("exceeded by 6.00 pp", true)));
        Assert.That(Accuracy(new DocumentedResults { TestAccuracy = 0.905 }, Runs(FiveSeeds)).Note, Is.Empty, "inside the interval: not flagged");
    }

    [Test]
    public void AnIntervalReachingPastZeroOrOneIsCutThereWithoutChangingTheOutcome()
    {
        // Three seeds far apart, one still learning: mean 0.5917, s ≈ 0.427, t(2) ≈ 4.30, so mean ± t·s/√3 would run
        // from about −0.47 to 1.65.
        var wide = Accuracy(new DocumentedResults { TestAccuracy = 0.8817 }, Runs([0.10, 0.84, 0.835]));
        Assert.That((wide.CiLow, wide.CiHigh), Is.EqualTo((0.0, 1.0)));
        Assert.That(wide.Verdict, Is.EqualTo(Verdict.Inconclusive));
        // Near the top only the upper end is cut: mean 0.9797, s ≈ 0.0258, half-width ≈ 0.064.
        var high = Accuracy(new DocumentedResults { TestAccuracy = 0.90 }, Runs([0.99, 0.999, 0.95]));
        Assert.That(high.CiHigh, Is.EqualTo(1.0));
        Assert.That(high.CiLow, Is.EqualTo(0.9157).Within(2e-3));
        Assert.That(high.Verdict, Is.EqualTo(Verdict.Held));
    }

    [TestCase(0.9000, Verdict.Held)]           // the whole interval is over 90 %
    [TestCase(0.9100, Verdict.Inconclusive)]   // the bound is inside the interval
    [TestCase(0.9160, Verdict.DidNotHold)]     // the upper end is at or below the bound
    public void ABoundClaimIsJudgedAgainstTheBound(double bound, Verdict expected)
    {
        var v = Accuracy(new DocumentedResults { TestAccuracy = bound, TestAccuracyIsLowerBound = true }, Runs(FiveSeeds));
        Assert.That(v.Verdict, Is.EqualTo(expected));
        Assert.That(v.Line, Is.EqualTo(bound), "no rounding: a bound is a bound");
        Assert.That(v.Qualifier, Is.EqualTo(">"));
    }

    [Test]
    public void ASingleSeedBorrowsTheReferenceSpreadAndSaysSo()
    {
        var documented = new DocumentedResults { TestAccuracy = 0.90 };
        var spread = new SeedSpread(0.004 * 0.004, 4, "the CPU reference (5 seeds)");
        var borrowed = Accuracy(documented, [Run(1, 0.91)], claim => claim == "test accuracy" ? spread : null);
        // half = t(0.975, ν)·√(1.6e-5 + 8.19e-6) with ν = 4·(2.419e-5/1.6e-5)² = 9.14: ≈ 2.25·0.00492 = 0.0111
        Assert.That(borrowed.CiLow, Is.EqualTo(0.91 - 0.0111).Within(3e-4));
        Assert.That(borrowed.Verdict, Is.EqualTo(Verdict.Inconclusive));
        Assert.That(borrowed.Note, Is.EqualTo("1 seed: seed variance from the CPU reference (5 seeds)"));
        Assert.That(borrowed.SeedVarianceFrom, Is.EqualTo("the CPU reference (5 seeds)"));

        var alone = Accuracy(documented, [Run(1, 0.91)]);
        Assert.That(alone.Verdict, Is.EqualTo(Verdict.Held), "test-set sampling only: 0.91 ± 0.0056");
        Assert.That(alone.Note, Does.StartWith("1 seed: sampling-only interval"));
        Assert.That(alone.SeedVarianceFrom, Is.EqualTo("none"));
    }

    [Test]
    public void ADivergedRunIsItsOwnRowAndLeftOutOfTheEstimate()
    {
        var runs = Runs(FiveSeeds);
        runs[1] = Run(2, 0.1, "diverged", "loss NaN at epoch 3, batch 17");
        var verdicts = ClaimJudge.Judge(Spec(new DocumentedResults { TestAccuracy = 0.90 }), runs);
        var failed = verdicts[0];
        Assert.That((failed.Claim, failed.Verdict, failed.Seeds), Is.EqualTo((ClaimJudge.TrainingRun, Verdict.RunFailed, "2")));
        Assert.That(failed.Note, Is.EqualTo("diverged: loss NaN at epoch 3, batch 17"));
        var accuracy = verdicts[1];
        Assert.That(accuracy.Verdict, Is.EqualTo(Verdict.Held));
        Assert.That((accuracy.N, accuracy.Seeds), Is.EqualTo((4, "1 3 4 5")));
        Assert.That(accuracy.Note, Does.Contain("1 failed run(s) left out"));
    }

    [Test]
    public void WhenEveryRunCollapsedNoClaimIsJudged()
    {
        var runs = Enumerable.Range(1, 3).Select(s => Run(s, 0.1, "collapsed", "predicts class 0 for every test image")).ToList();
        var documented = new DocumentedResults { TestAccuracy = 0.8594, Parameters = new ParameterClaim(ParameterClaimKind.Exact, 7_108) };
        var verdicts = ClaimJudge.Judge(Spec(documented), runs);
        Assert.That(verdicts.Count(v => v.Claim == ClaimJudge.TrainingRun), Is.EqualTo(3));
        Assert.That(verdicts.Single(v => v.Claim == "test accuracy").Verdict, Is.EqualTo(Verdict.RunFailed), "a dead run refutes nothing");
        Assert.That(verdicts.Single(v => v.Claim == ClaimName.Parameters).Verdict, Is.EqualTo(Verdict.Held), "a count needs no training");
        Assert.That(VerdictCounts.Of(verdicts), Is.EqualTo(new VerdictCounts(1, 0, 0, 4, 0, 0, 0)));
    }

    [Test]
    public void AClaimTheWriteUpContradictsIsNotJudged()
    {
        var documented = new DocumentedResults { TestAccuracy = 0.90, Parameters = new ParameterClaim(ParameterClaimKind.Approximate, 310_000) };
        var spec = Spec(documented, new Contradiction("'~310K' against the 1,701,578 of its own layer list", ClaimName.Parameters), new Contradiction("an aside"));
        var v = ClaimJudge.Judge(spec, Runs(FiveSeeds)).Single(r => r.Claim == ClaimName.Parameters);
        Assert.That(v.Verdict, Is.EqualTo(Verdict.Contradicted));
        Assert.That(v.VerdictText, Is.EqualTo("contradicted by the write-up"));
        Assert.That(v.Note, Does.StartWith("'~310K'"));
        Assert.That(v.Measured, Is.EqualTo(7_108));
    }

    [TestCase(ParameterClaimKind.Exact, 7_108, Verdict.Held)]
    [TestCase(ParameterClaimKind.Exact, 7_107, Verdict.DidNotHold)]
    [TestCase(ParameterClaimKind.Approximate, 6_000, Verdict.Held)]
    [TestCase(ParameterClaimKind.Approximate, 310_000, Verdict.DidNotHold)]
    [TestCase(ParameterClaimKind.UpperBound, 1_000_000, Verdict.Held)]
    [TestCase(ParameterClaimKind.UpperBound, 7_108, Verdict.DidNotHold)]
    public void ParameterClaimsAreExactFactsWhateverTheProfile(ParameterClaimKind kind, long value, Verdict expected)
    {
        var documented = new DocumentedResults { Parameters = new ParameterClaim(kind, value) };
        foreach (var profile in new[] { null, ProfileComparability.Reason })
        {
            var v = ClaimJudge.Judge(Spec(documented), Runs(FiveSeeds, profile)).Single(r => r.Claim == ClaimName.Parameters);
            Assert.That(v.Verdict, Is.EqualTo(expected));
            Assert.That(v.CiLow, Is.Null, "a count has no interval");
        }
    }

    [Test]
    public void AProfileRunIsNotComparableForTrainedClaimsAndNothingDocumentedIsNoClaim()
    {
        var documented = new DocumentedResults
        {
            TestAccuracy = 0.99, MacroF1 = 0.99, PerClassF1 = new Dictionary<string, double> { ["Bag"] = 0.99 },
        };
        var verdicts = ClaimJudge.Judge(Spec(documented), Runs(FiveSeeds, ProfileComparability.Reason));
        Assert.That(verdicts.Select(v => (v.Claim, v.VerdictText)), Is.EqualTo(new[]
        {
            ("test accuracy", "not comparable (profile)"), ("macro F1", "not comparable (profile)"), ("F1 of Bag", "not comparable (profile)"),
        }));
        var nothing = ClaimJudge.Judge(Spec(DocumentedResults.Nothing), Runs(FiveSeeds)).Single();
        Assert.That(nothing.Verdict, Is.EqualTo(Verdict.NothingDocumented));
        Assert.That(nothing.Measured, Is.EqualTo(0.91).Within(1e-12), "the measurement is still shown");
        Assert.That(VerdictCounts.Of([nothing]).Claims, Is.Zero);
    }

    [Test]
    public void BestEpochAndPerEpochClaimsReadTheTestSetCurve()
    {
        var bestEpoch = new DocumentedResults { TestAccuracy = 0.92, TestAccuracyIsBestEpoch = true };
        var onTest = Accuracy(bestEpoch, FiveSeeds.Select((a, i) => Run(i + 1, a, validatesOnTest: true)).ToList());
        Assert.That(onTest.Claim, Is.EqualTo("best-epoch test accuracy"));
        Assert.That(onTest.Measured, Is.EqualTo(0.92).Within(1e-12), "the best epoch's accuracy on the test set");
        Assert.That(Accuracy(bestEpoch, Runs(FiveSeeds)).Claim, Is.EqualTo("test accuracy"), "a held-out validation set is not the test set");

        var atEpochs = new DocumentedResults
        {
            TestAccuracy = 0.91,
            AtEpoch = new Dictionary<int, EpochResults>
            {
                [7] = new(TestAccuracy: 0.92, TestLoss: 0.34, TrainAccuracy: 0.8829, TrainLoss: 0.32), [10] = new(TestAccuracy: 0.91), [30] = new(TestAccuracy: 0.95),
            },
        };
        var verdicts = ClaimJudge.Judge(Spec(atEpochs), FiveSeeds.Select((a, i) => Run(i + 1, a, validatesOnTest: true)).ToList());
        Assert.That(verdicts.Select(v => (v.Claim, v.VerdictText)), Is.EqualTo(new[]
        {
            ("test accuracy", "inconclusive"), ("test accuracy at epoch 7", "inconclusive"),
            ("training accuracy at epoch 7", "did not hold"),   // 0.88 on 54,000 images, against 0.88285
            ("test loss at epoch 7", "reported, not judged"), ("training loss at epoch 7", "reported, not judged"),
            ("test accuracy at epoch 30", "not comparable (run ended earlier)"),
        }), "epoch 10 restates the final-accuracy claim");
        Assert.That(verdicts[3].Measured, Is.EqualTo(0.33).Within(1e-12), "the test loss is the validation loss when validation is the test set");
        Assert.That(ClaimJudge.Judge(Spec(atEpochs), Runs(FiveSeeds)).Single(v => v.Claim == "test loss at epoch 7").Measured, Is.Null,
            "a held-out validation loss is not a test loss");
    }

    [Test]
    public void TimesAreJudgedByOrderOfMagnitudeAndLossesOnlyReported()
    {
        var documented = new DocumentedResults { EpochSeconds = 100, ValidationLoss = 0.25 };
        var verdicts = ClaimJudge.Judge(Spec(documented), Runs(FiveSeeds));
        var time = verdicts.Single(v => v.Claim == "epoch time");
        Assert.That((time.Verdict, time.Measured), Is.EqualTo((Verdict.Held, 12.0)), "12 s is within 10× of 100 s");
        Assert.That(time.Note, Does.Contain("AMD EPYC"));
        Assert.That(ClaimJudge.Judge(Spec(documented with { EpochSeconds = 121 }), Runs(FiveSeeds)).Single(v => v.Claim == "epoch time").Verdict,
            Is.EqualTo(Verdict.DidNotHold), "12 s is under a tenth of 121 s");
        Assert.That(verdicts.Single(v => v.Claim == "lowest validation loss").Verdict, Is.EqualTo(Verdict.Reported));
    }

    [Test]
    public void ATargetWithinEpochsIsJudgedOnTheBestEpochSoFarAndSaysWhenEachSeedReachedIt()
    {
        var documented = new DocumentedResults { Target = new AccuracyTarget(0.90, ByEpoch: 8, Rounding: 0.0005) };
        var runs = FiveSeeds.Select((a, i) => Run(i + 1, a, validatesOnTest: true)).ToList();
        runs[4] = runs[4] with { Epochs = runs[4].Epochs.Where(e => e.Key != 7).ToDictionary() };   // seed 5 reaches it at epoch 10 only
        var v = ClaimJudge.Judge(Spec(documented), runs).Single(r => r.Claim == "test accuracy reached by epoch 8");
        Assert.That(v.Line, Is.EqualTo(0.8995).Within(1e-12), "'90.0 %' printed to a tenth: ±0.05 pp");
        Assert.That(v.Note, Does.Contain("first at or above 90.0 % at epoch 7, 7, 7, 7, 10 (seeds 1 2 3 4 5)"));
        Assert.That(v.Verdict, Is.EqualTo(Verdict.Inconclusive), "seed 5's best by epoch 8 is 80 %");
    }

    [TestCase(0.9200, Verdict.Held)]           // best epoch 0.92 ± 0.0054 lies below 92.6 %
    [TestCase(0.9150, Verdict.Inconclusive)]
    [TestCase(0.9100, Verdict.DidNotHold)]     // the whole interval is at or above 91 %
    public void AnUpperBoundOnTheBestAccuracyIsJudgedAgainstTheBound(double bound, Verdict expected)
    {
        var documented = new DocumentedResults { BestTestAccuracyBelow = bound + 0.006 * (expected == Verdict.Held ? 1 : 0) };
        var runs = FiveSeeds.Select((a, i) => Run(i + 1, a, validatesOnTest: true)).ToList();
        var v = ClaimJudge.Judge(Spec(documented), runs).Single(r => r.Claim == "best-epoch test accuracy (upper bound)");
        Assert.That(v.Verdict, Is.EqualTo(expected));
        Assert.That(v.Qualifier, Is.EqualTo("<"));
    }

    [Test]
    public void ResourceNumbersAreJudgedByOrderOfMagnitudeOrReportedWithTheirReason()
    {
        var documented = new DocumentedResults { PeakMemoryMegabytes = 2_000, ModelMegabytes = 1.2, TotalTrainSeconds = 11_744, InferenceIterationsPerSecond = 13.5 };
        var verdicts = ClaimJudge.Judge(Spec(documented), Runs(FiveSeeds)).ToDictionary(v => v.Claim);
        Assert.That((verdicts["peak memory (RAM)"].Verdict, verdicts["peak memory (RAM)"].Measured), Is.EqualTo((Verdict.Held, 900.0)));
        Assert.That(verdicts[ClaimName.ModelSize].Measured, Is.EqualTo(7_108 * 4 / 1e6).Within(1e-12));
        Assert.That(verdicts[ClaimName.ModelSize].Verdict, Is.EqualTo(Verdict.DidNotHold), "0.028 MB is under a tenth of 1.2 MB");
        Assert.That(verdicts["total training time"].Verdict, Is.EqualTo(Verdict.Reported));
        Assert.That(verdicts["inference rate"].Note, Does.Contain("not defined"));
        Assert.That(verdicts["inference rate"].Measured, Is.Null);
    }

    [Test]
    public void EveryContradictionThatNamesAClaimMeetsThatClaimsRow()
    {
        foreach (var spec in ModelCatalog.All)
            foreach (var contradiction in spec.Contradictions.Where(c => c.Claim is not null))
                Assert.That(ClaimJudge.Judge(spec, Runs(FiveSeeds)).Single(v => v.Claim == contradiction.Claim).Verdict,
                    Is.EqualTo(Verdict.Contradicted), $"{spec.Id}: '{contradiction.Claim}'");
    }

    [Test]
    public void AComparisonMustNameModelsOfItsOwnWriteUp()
    {
        var spec = ModelCatalog.Find("mnist-8k/model1")!;
        var error = Assert.Throws<ArgumentException>(() => WriteUp.Of("009", "x.txt", "x", [spec],
            comparisons: [new ComparativeClaim("x", "mnist-8k/model1", "se-cnn", ComparedMeasure.TestAccuracy, null, "")]));
        Assert.That(error!.Message, Does.Contain("se-cnn"));
    }

    [TestCase(null, null, 20, 20, true)]
    [TestCase(null, null, 25, 20, true)]
    [TestCase(null, null, 2, 20, false)]       // quick: fewer epochs
    [TestCase(2_000, 1_000, 20, 20, false)]    // smoke-sized data, even with the full epochs
    [TestCase(null, 1_000, 20, 20, false)]
    public void ComparableOnlyWithAllDataAndTheDocumentedEpochs(int? trainLimit, int? testLimit, int epochs, int documented, bool comparable) =>
        Assert.That(ProfileComparability.Check(trainLimit, testLimit, epochs, documented), comparable ? Is.Null : Is.EqualTo("profile"));
}
