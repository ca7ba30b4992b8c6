using FashionBench.Harness;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

public class ThresholdDerivationTests
{
    string dir = "";
    RunStore store = null!;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("fb-derive-").FullName;
        store = new RunStore(dir, "quick");
    }

    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    // A run whose accuracy is exactly 1 − wrong/n: labels cycle 0..9, the first `wrong` items are mispredicted.
    RunMetrics Run(string model, long seed, int n, int wrong, string device = "cpu")
    {
        var labels = Enumerable.Range(0, n).Select(i => i % 10).ToArray();
        var predictions = labels.Select((l, i) => i < wrong ? (l + 1) % 10 : l).ToArray();
        return SyntheticRuns.Write(store, RunConfig.For(ModelCatalog.Find(model)!, Profile.Get("quick"), seed, device), labels, predictions);
    }

    /// <summary>The exact check's reach: the vendor of the CPUs the bars' runs were trained on, when they share one.</summary>
    [Test]
    public void TheBarsRecordTheVendorTheirRunsWereTrainedOnWhenTheyShareOne()
    {
        RunMetrics[] runs = [Run("mnist-8k/model1", 1, 1000, 10), Run("mnist-8k/model1", 2, 1000, 12)];
        static RunMetrics On(RunMetrics run, string cpu) => run with { Provenance = run.Provenance with { Cpu = cpu } };
        static string? Vendor(params RunMetrics[] runs) => ThresholdDerivation.Derive(runs, "source", DateTimeOffset.UnixEpoch).ExactCpuVendor;
        Assert.That(Vendor(On(runs[0], "AMD EPYC (family 25 model 17, AVX-512 on 256-bit pipes, Zen 4)"), On(runs[1], "AMD EPYC 7763 64-Core Processor")),
            Is.EqualTo("AuthenticAMD"), "Zen 3 and Zen 4 alike");
        Assert.That(Vendor(On(runs[0], "AMD EPYC"), On(runs[1], "Intel(R) Xeon(R) Platinum 8370C CPU @ 2.80GHz")), Is.Null, "two vendors: the check is not scoped");
        Assert.That(Vendor(runs), Is.Null, "a CPU that names no vendor");
    }

    [Test]
    public void FiveSeedsGiveAModelItsOwnSpreadAndFailedRunsAreLeftOut()
    {
        // mnist-8k/model1: wrong 90, 100, 110, 100, 100 of 10,000 → accuracies 0.991, 0.990, 0.989, 0.990, 0.990,
        // sd = 0.000707 (sample), SE = sqrt(0.99·0.01/10⁴) = 0.000995: ρ = 0.710669; t(0.999, 4) = 7.173182;
        // k = 7.173182·0.710669·1.095445 = 5.5843. fashion-cnn/aug-dropout (two seeds, 1,000 and 1,400 wrong) sets the pooled ρ.
        var runs = new[] { 90, 100, 110, 100, 100 }.Select((wrong, i) => Run("mnist-8k/model1", i + 1, 10_000, wrong)).ToList();
        runs.Add(Run("fashion-cnn/aug-dropout", 1, 10_000, 1_000));
        runs.Add(Run("fashion-cnn/aug-dropout", 2, 10_000, 1_400));
        var collapsed = SyntheticRuns.Write(store, RunConfig.For(ModelCatalog.Find("mnist-8k/model1")!, Profile.Get("quick"), 6, "cpu"),
            Enumerable.Range(0, 10_000).Select(i => i % 10).ToArray(), new int[10_000]);    // predicts class 0 for every image
        Assert.That(collapsed.Status, Is.EqualTo("collapsed"));
        runs.Add(collapsed);

        var t = ThresholdDerivation.Derive(runs, "x", DateTimeOffset.UnixEpoch);
        var own = t.Models["mnist-8k/model1"];
        Assert.That(own.Seeds, Is.EqualTo(5), "the collapsed seed 6 is left out");
        Assert.That((own.FailedSeeds, t.Models["fashion-cnn/aug-dropout"].FailedSeeds), Is.EqualTo((1, 0)), "and counted");
        Assert.That(own.KAccuracy, Is.EqualTo(5.5843).Within(1e-4));
        Assert.That(t.Models["fashion-cnn/aug-dropout"].KAccuracy, Is.Not.EqualTo(own.KAccuracy), "fewer than five seeds: the pooled spread");
    }

    [Test]
    public void SingleSeedUsesTheBinomialBoundAndTheNormalQuantile()
    {
        var run = Run("fashion-cnn/aug-dropout", 1, 10_000, 1_000);   // p = 0.9 on N = 10,000

        var t = ThresholdDerivation.Derive([run], "x", DateTimeOffset.UnixEpoch);

        // SE = sqrt(0.9·0.1/10000) = 0.003; k = z(0.999)·1·sqrt(1 + 1/1) = 3.090232·1.414214 = 4.370248;
        // min = 0.9 − 4.370248·0.003 = 0.886889 → rounded down 0.8868.
        var bar = t.Models["fashion-cnn/aug-dropout"];
        Assert.That(t.Spread.DegreesOfFreedom, Is.Zero);
        Assert.That(t.Spread.AccuracyRatio, Is.EqualTo(1));
        Assert.That(bar.BinomialSe, Is.EqualTo(0.003).Within(1e-9));
        Assert.That(bar.KAccuracy, Is.EqualTo(4.3702).Within(1e-4));
        Assert.That(bar.MinAccuracy, Is.EqualTo(0.8868));
        Assert.That(bar.MinMacroF1, Is.EqualTo(Math.Floor((run.MacroF1 - 4.370248 * 0.003) * 1e4) / 1e4).Within(1e-12));
        Assert.That(bar.ReferenceEpochSeconds, Is.EqualTo(run.EpochSecondsMedian));
        Assert.That(t.Derivation, Does.Contain("ρ = 1").And.Contain("q = z(0.999) = 3.090"));
    }

    [Test]
    public void SeveralSeedsPoolTheMeasuredSpreadWithStudentT()
    {
        // Model A: 0.90, 0.91, 0.92 (s² = 1e-4); model B: 0.80, 0.80, 0.83 (s² = 3e-4); N = 1000.
        var runs = new[] { (1, 100), (2, 90), (3, 80) }.Select(x => Run("fashion-cnn/aug-dropout", x.Item1, 1000, x.Item2))
            .Concat(new[] { (1, 200), (2, 200), (3, 170) }.Select(x => Run("fashion-cnn/no-aug", x.Item1, 1000, x.Item2))).ToList();

        var probe = new[] { (1, 500), (2, 100) }.Select(x => Run("fashion-cnn/no-aug+no-restore", x.Item1, 1000, x.Item2));
        var t = ThresholdDerivation.Derive([.. runs, .. probe], "x", DateTimeOffset.UnixEpoch);
        Assert.That(t.Models.Keys, Is.EquivalentTo(new[] { "fashion-cnn/aug-dropout", "fashion-cnn/no-aug" }), "a probe gets no bar, nor a share of the spread");

        // SE² = 0.91·0.09/1000 = 8.19e-5 and 0.81·0.19/1000 = 1.539e-4; ρ² = (2·1e-4 + 2·3e-4)/(2·8.19e-5 + 2·1.539e-4);
        // q = t(0.999, 4 dof) = 7.173182; k = q·ρ·sqrt(1 + 1/3).
        var rho = Math.Sqrt(0.0008 / (2 * 8.19e-5 + 2 * 1.539e-4));
        var k = 7.173182 * rho * Math.Sqrt(4.0 / 3);
        Assert.That(t.Spread.DegreesOfFreedom, Is.EqualTo(4));
        Assert.That(t.Spread.ModelsWithSeeds, Is.EqualTo(2));
        Assert.That(t.Spread.AccuracyRatio, Is.EqualTo(rho).Within(1e-9));
        Assert.That(t.Spread.Quantile, Is.EqualTo(7.173182).Within(1e-6));
        Assert.That(t.Models["fashion-cnn/aug-dropout"].MinAccuracy,
            Is.EqualTo(Math.Floor((0.91 - k * Math.Sqrt(8.19e-5)) * 1e4) / 1e4).Within(1e-12));
        Assert.That(t.Models["fashion-cnn/no-aug"].MinAccuracy,
            Is.EqualTo(Math.Floor((0.81 - k * Math.Sqrt(1.539e-4)) * 1e4) / 1e4).Within(1e-12));
        Assert.That(t.Models["fashion-cnn/no-aug"].Seeds, Is.EqualTo(3));
        Assert.That(t.Derivation, Does.Contain("4 degrees of freedom"));
    }

    [Test]
    public void RunsOnSeveralDevicesAreRefused()
    {
        var runs = new[] { Run("fashion-cnn/aug-dropout", 1, 100, 10), Run("fashion-cnn/aug-dropout", 1, 100, 10, "cuda") };
        var e = Assert.Throws<UserError>(() => ThresholdDerivation.Derive(runs, "results/quick", DateTimeOffset.UnixEpoch))!;
        Assert.That(e.Message, Does.StartWith("results/quick: fashion-cnn/aug-dropout has runs on several devices (cpu, cuda)"));
    }
}
