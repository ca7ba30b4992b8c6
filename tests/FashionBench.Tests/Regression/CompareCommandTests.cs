using FashionBench.Harness.Comparison;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

/// <summary>`fashionbench compare` on hand-made results folders whose statistics are worked out by hand.</summary>
public sealed class CompareCommandTests
{
    const string Model = "mnist-8k/model1";
    string root = null!;
    RunStore baseStore = null!, store = null!;

    [SetUp]
    public void Folders()
    {
        root = Path.Combine(Path.GetTempPath(), "fb-compare-" + Guid.NewGuid().ToString("N")[..8]);
        baseStore = new RunStore(Path.Combine(root, "base"), "quick");
        store = new RunStore(Path.Combine(root, "night"), "quick");
    }

    [TearDown]
    public void Clean() { if (Directory.Exists(root)) Directory.Delete(root, recursive: true); }

    static readonly int[] Labels = Enumerable.Range(0, 100).Select(i => i % 10).ToArray();

    /// <summary>A run on 100 test images that gets exactly the first <paramref name="right"/> right.</summary>
    static void Run(RunStore at, long seed, int right, string device = "cpu") =>
        SyntheticRuns.Write(at, RunConfig.For(ModelCatalog.Find(Model)!, Profile.Get("quick"), seed, device),
            Labels, Labels.Select((l, i) => i < right ? l : (l + 1) % 10).ToArray());

    [Test]
    public void PairedSeedsGiveTheStratifiedMcNemarTestAndThePairedInterval()
    {
        // Seed 1: 90 → 95 right (b = 5, c = 0); seed 2: 90 → 92 (b = 2, c = 0). Pooled (7, 0): p = 2·(½)⁷ = 0.015625.
        // Δ = 0.05, 0.02: mean 0.035, s²/k = 2.25e-4; sampling ((5/100 − 0.05²) + (2/100 − 0.02²))/2/100 = 3.355e-4;
        // ν = (5.605e-4)²/(2.25e-4)² = 6.21, so t lies between t(7) = 2.365 and t(6) = 2.447.
        Run(baseStore, 1, 90); Run(baseStore, 2, 90);
        Run(store, 1, 95); Run(store, 2, 92);
        var row = ResultsComparison.Compare(baseStore, store).Single();
        Assert.That((row.OnlyDiffRight, row.OnlyBaseRight, row.PairedSeeds), Is.EqualTo((7, 0, 2)));
        Assert.That(row.McNemarP, Is.EqualTo(0.015625).Within(1e-12));
        Assert.That(row.DeltaAccuracy, Is.EqualTo(0.035).Within(1e-12));
        var half = (row.DeltaAccuracyHigh - row.DeltaAccuracyLow) / 2;
        Assert.That(half, Is.InRange(2.365 * Math.Sqrt(5.605e-4), 2.447 * Math.Sqrt(5.605e-4)));
        Assert.That(row.Verdict, Is.EqualTo(ResultsComparison.Inconclusive), "McNemar rejects, but two seeds this far apart leave 0 in the interval");
    }

    [Test]
    public void AClearDropIsWorseAndIdenticalPredictionsAreTheSame()
    {
        // Δ = −0.2 on both seeds (s = 0); sampling ((20/100) − 0.2²)/100 = 1.6e-3: half = 1.959964·0.04 = 0.0784.
        Run(baseStore, 1, 90); Run(baseStore, 2, 90);
        Run(store, 1, 70); Run(store, 2, 70);
        var row = ResultsComparison.Compare(baseStore, store).Single();
        Assert.That(row.DeltaAccuracyLow, Is.EqualTo(-0.2 - 0.0784).Within(1e-4));
        Assert.That(row.Verdict, Is.EqualTo(ResultsComparison.Worse));

        var same = ResultsComparison.Compare(baseStore, baseStore).Single();
        Assert.That((same.DeltaAccuracyLow, same.DeltaAccuracyHigh, same.McNemarP, same.Verdict), Is.EqualTo((0.0, 0.0, 1.0, ResultsComparison.Same)));
        Assert.That((same.DeltaMacroF1Low, same.DeltaMacroF1High), Is.EqualTo((0.0, 0.0)), "macro F1's interval is paired too (jackknifed)");
    }

    [Test]
    public void ADifferencesIntervalIsCutAtPlusAndMinusOneHundredPoints()
    {
        // Δ = +0.9 on seed 1 and −0.9 on seed 2: s ≈ 1.27 and t(0.975, 1) = 12.7 would give about ±11.
        Run(baseStore, 1, 10); Run(baseStore, 2, 100);
        Run(store, 1, 100); Run(store, 2, 10);
        var row = ResultsComparison.Compare(baseStore, store).Single();
        Assert.That((row.DeltaAccuracyLow, row.DeltaAccuracyHigh), Is.EqualTo((-1.0, 1.0)));
        Assert.That((row.DeltaMacroF1Low, row.DeltaMacroF1High), Is.EqualTo((-1.0, 1.0)));
    }

    [Test]
    public void UnmatchedSeedsCompareMeansWithoutMcNemarAndDevicesPairAcross()
    {
        Run(baseStore, 1, 90); Run(baseStore, 2, 88);
        Run(store, 3, 90, device: "cuda");
        var row = ResultsComparison.Compare(baseStore, store).Single();
        Assert.That((row.BaseDevice, row.Device, row.PairedSeeds, row.McNemarP), Is.EqualTo(("cpu", "cuda", 0, (double?)null)));
        Assert.That(row.DeltaAccuracy, Is.EqualTo(0.01).Within(1e-12));
        Assert.That(row.Note, Does.Contain("no seed on both sides"));
    }

    [TestCase(0.0, 0.004, null, ResultsComparison.Same)]
    [TestCase(0.001, 0.02, 0.01, ResultsComparison.Better)]
    [TestCase(0.001, 0.02, 0.2, ResultsComparison.Inconclusive)]    // the interval excludes 0, McNemar does not reject
    [TestCase(-0.02, -0.006, null, ResultsComparison.Worse)]
    [TestCase(-0.02, 0.01, 0.5, ResultsComparison.Inconclusive)]
    public void TheVerdictRule(double low, double high, double? p, string expected) =>
        Assert.That(ResultsComparison.Verdict(low, high, p, ResultsComparison.DefaultMargin), Is.EqualTo(expected));

    [Test]
    public void TheVerbPrintsMarkdownWritesCompareCsvAndCanFailOnWorse()
    {
        Run(baseStore, 1, 90); Run(store, 1, 70);
        var (exit, stdout, _) = CliRun.Invoke("compare", Path.Combine(root, "base"), Path.Combine(root, "night"), "--profile", "quick");
        Assert.That(exit, Is.Zero);
        Assert.That(stdout, Does.Contain("1 worse").And.Contain($"| `{Model}` | cpu → cpu | 1/1 (1) | 90.00 | 70.00 | -20.00"));
        Assert.That(CsvFile.Read<CompareRow>(store.TableOf(RunStore.CompareTable)).Single().Verdict, Is.EqualTo(ResultsComparison.Worse));
        Assert.That(CliRun.Invoke("compare", Path.Combine(root, "base"), Path.Combine(root, "night"), "--profile", "quick", "--fail-on-worse").ExitCode, Is.EqualTo(1));
        var (missing, _, stderr) = CliRun.Invoke("compare", Path.Combine(root, "nowhere"), Path.Combine(root, "night"), "--profile", "quick");
        Assert.That((missing, stderr.Trim().Split('\n').Length), Is.EqualTo((2, 1)), stderr);
    }
}
