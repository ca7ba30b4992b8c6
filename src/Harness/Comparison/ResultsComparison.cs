using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Harness.Timing;

namespace FashionBench.Harness.Comparison;

/// <summary>
/// `fashionbench compare`: two results folders of one profile (CPU against CUDA, before against after a change, one
/// machine against another, tonight against the reference), model by model over the current healthy runs
/// (<see cref="RunSelection"/>). Where both sides have the same seeds, each seed is a pair on the same test images:
/// the paired difference and McNemar's exact test stratified by seed (<see cref="PairedComparison"/>), and for macro F1
/// the paired difference with its jackknifed sampling variance (<see cref="MacroF1Jackknife"/>). Otherwise the
/// two means are compared (<see cref="DifferenceInterval"/>), without McNemar.
/// <para>The verdict, on test accuracy: <b>same</b> when the 95 % interval of the difference lies within ±margin;
/// else <b>better</b> or <b>worse</b> when it excludes 0 (and McNemar's p &lt; 0.05 where the seeds are paired);
/// else <b>inconclusive</b>.</para>
/// </summary>
public static class ResultsComparison
{
    public const double DefaultMargin = 0.005;
    public const double Alpha = 0.05;
    public const string Same = "same", Better = "better", Worse = "worse", Inconclusive = "inconclusive";

    public static IReadOnlyList<CompareRow> Compare(RunStore baseStore, RunStore store, double margin = DefaultMargin)
    {
        var (baseRuns, runs) = (Healthy(baseStore), Healthy(store));
        var (baseThroughput, throughput) = (Throughput(baseStore), Throughput(store));
        var rows = new List<CompareRow>();
        foreach (var model in runs.Select(r => r.Model).Distinct().Where(m => baseRuns.Any(r => r.Model == m)))
        {
            foreach (var (baseDevice, device) in DevicePairs(baseRuns.Where(r => r.Model == model), runs.Where(r => r.Model == model)))
            {
                var a = baseRuns.Where(r => r.Model == model && r.Device == baseDevice).ToList();
                var b = runs.Where(r => r.Model == model && r.Device == device).ToList();
                rows.Add(Row(baseStore, store, a, b, margin) with
                {
                    ThroughputRatio = ThroughputRatio(baseThroughput, throughput, model, baseDevice, device),
                });
            }
        }
        return rows;
    }

    static CompareRow Row(RunStore baseStore, RunStore store, List<RunMetrics> a, List<RunMetrics> b, double margin)
    {
        var seeds = a.Select(r => r.Seed).Intersect(b.Select(r => r.Seed)).Order().ToList();
        var notes = new List<string>();
        double low, high, f1Low, f1High;
        int? onlyDiff = null, onlyBase = null;
        double? p = null;
        if (seeds.Count > 0)
        {
            var pairs = seeds.Select(s => PairedSeeds(baseStore, store, a.Single(r => r.Seed == s), b.Single(r => r.Seed == s))).ToList();
            var spread = DifferenceSpread(a, b, r => r.TestAccuracy);
            var accuracy = PairedComparison.Of(pairs.Select(pair => pair.Accuracy).ToList(), spread);
            var f1 = PairedComparison.Of(pairs.Select(pair => pair.MacroF1).ToList(), DifferenceSpread(a, b, r => r.MacroF1));
            (low, high, f1Low, f1High) = (accuracy.Difference.Low, accuracy.Difference.High, f1.Difference.Low, f1.Difference.High);
            (onlyDiff, onlyBase, p) = (accuracy.OnlyHigherRight, accuracy.OnlyLowerRight, accuracy.PooledMcNemarP);
            if (seeds.Count == 1)
                notes.Add(spread is not null ? $"one paired seed: the seed variance of a difference is {spread.Source}"
                    : "one paired seed each: seed variance unknown, the interval is test-set sampling only");
            if (seeds.Count < Math.Max(a.Count, b.Count)) notes.Add(Invariant($"accuracies over the {seeds.Count} seed(s) on both sides"));
        }
        else
        {
            var testImages = a[0].Confusion.Sum(row => row.Sum());
            var accuracy = Unpaired(a, b, r => r.TestAccuracy, testImages);
            var f1 = Unpaired(a, b, r => r.MacroF1, testImages);
            (low, high, f1Low, f1High) = (accuracy.Low, accuracy.High, f1.Low, f1.High);
            notes.Add("no seed on both sides: the means are compared, with the unpaired (conservative) sampling variance and no McNemar test");
            if (!accuracy.SeedVarianceKnown) notes.Add("one seed each: seed variance unknown");
        }
        (low, high) = Proportion.Cut(low, high, difference: true);
        (f1Low, f1High) = Proportion.Cut(f1Low, f1High, difference: true);
        // With paired seeds every figure is over those seeds, so that Δ is the difference of the two accuracies shown.
        var (shownA, shownB) = seeds.Count > 0 ? (a.Where(r => seeds.Contains(r.Seed)).ToList(), b.Where(r => seeds.Contains(r.Seed)).ToList()) : (a, b);
        return new CompareRow
        {
            Model = a[0].Model, Base = baseStore.ProfileDir, BaseDevice = a[0].Device, Device = b[0].Device, BaseN = a.Count, N = b.Count,
            PairedSeeds = seeds.Count, BaseAccuracy = shownA.Average(r => r.TestAccuracy), Accuracy = shownB.Average(r => r.TestAccuracy),
            DeltaAccuracy = shownB.Average(r => r.TestAccuracy) - shownA.Average(r => r.TestAccuracy), DeltaAccuracyLow = low, DeltaAccuracyHigh = high,
            DeltaMacroF1 = shownB.Average(r => r.MacroF1) - shownA.Average(r => r.MacroF1), DeltaMacroF1Low = f1Low, DeltaMacroF1High = f1High,
            OnlyDiffRight = onlyDiff, OnlyBaseRight = onlyBase, McNemarP = p,
            EpochTimeRatio = Median.Of(b.Select(r => r.EpochSecondsMedian)) / Median.Of(a.Select(r => r.EpochSecondsMedian)),
            Verdict = Verdict(low, high, p, margin), Note = string.Join("; ", notes),
        };
    }

    /// <summary>
    /// One seed's pair on the same test images, from their predictions: accuracy with its discordant counts (McNemar),
    /// and macro F1 with its jackknifed paired sampling variance.
    /// </summary>
    static (PairedSeed Accuracy, PairedSeed MacroF1) PairedSeeds(RunStore baseStore, RunStore store, RunMetrics baseRun, RunMetrics run)
    {
        var (predictions, basePredictions) = (store.ReadPredictions(run.RunId), baseStore.ReadPredictions(baseRun.RunId));
        var (correct, baseCorrect) = McNemarTable.PairedCorrectness(predictions, basePredictions,
            store.FileOf(run.RunId, RunStore.PredictionsFile), baseStore.FileOf(baseRun.RunId, RunStore.PredictionsFile));
        var (only, other) = McNemarTest.Discordant(correct, baseCorrect);
        var f1Variance = MacroF1Jackknife.VarianceOfDifference(predictions.Select(p => p.Label).ToList(),
            predictions.Select(p => p.Prediction).ToList(), basePredictions.Select(p => p.Prediction).ToList(), run.Confusion.Length);
        return (new PairedSeed(baseRun.Seed, run.TestAccuracy, baseRun.TestAccuracy, correct.Length, only, other),
            new PairedSeed(baseRun.Seed, run.MacroF1, baseRun.MacroF1, correct.Length, ItemSamplingVariance: f1Variance));
    }

    /// <summary>The rule in the type's summary: same within ±margin, else better/worse when the interval excludes 0.</summary>
    public static string Verdict(double low, double high, double? mcNemarP, double margin)
    {
        if (low >= -margin && high <= margin) return Same;
        var significant = mcNemarP is not { } p || p < Alpha;
        return low > 0 && significant ? Better : high < 0 && significant ? Worse : Inconclusive;
    }

    /// <summary>
    /// For a single pair, the seed variance of a difference of two independent trainings: twice the seed variance of
    /// the side with more seeds (at least two); null when neither has two.
    /// </summary>
    static SeedSpread? DifferenceSpread(List<RunMetrics> a, List<RunMetrics> b, Func<RunMetrics, double> measure)
    {
        var (side, name) = a.Count >= b.Count ? (a, "base") : (b, "compared");
        return SeedSpread.Of(side.Select(measure).ToList()) is { } s
            ? new SeedSpread(2 * s.Variance, s.DegreesOfFreedom, $"twice the {name}'s ({side.Count} seeds)") : null;
    }

    static DifferenceInterval Unpaired(List<RunMetrics> a, List<RunMetrics> b, Func<RunMetrics, double> measure, int testImages)
    {
        var (pa, pb) = (a.Average(measure), b.Average(measure));
        return DifferenceInterval.Of(a.Select(measure).ToList(), b.Select(measure).ToList(), (pa * (1 - pa) + pb * (1 - pb)) / testImages);
    }

    /// <summary>The same device on both sides where they share one; else the single device of each (CPU against CUDA).</summary>
    static IEnumerable<(string Base, string Diff)> DevicePairs(IEnumerable<RunMetrics> a, IEnumerable<RunMetrics> b)
    {
        var (baseDevices, devices) = (a.Select(r => r.Device).Distinct().ToList(), b.Select(r => r.Device).Distinct().ToList());
        var shared = baseDevices.Intersect(devices).ToList();
        if (shared.Count > 0) return shared.Select(d => (d, d));
        return baseDevices.Count == 1 && devices.Count == 1 ? [(baseDevices[0], devices[0])] : [];
    }

    static string Invariant(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    static List<RunMetrics> Healthy(RunStore store) => RunSelection.Of(store).Current.Where(r => r.Status == "ok").ToList();

    static IReadOnlyList<InferenceThroughputRecord> Throughput(RunStore store) =>
        File.Exists(store.TableOf(RunStore.ThroughputTable)) ? InferenceThroughputCsv.Read(store.TableOf(RunStore.ThroughputTable)) : [];

    /// <summary>The median, over the engines and batch sizes both sides measured, of images/s compared ÷ base; null when none is shared.</summary>
    static double? ThroughputRatio(IReadOnlyList<InferenceThroughputRecord> a, IReadOnlyList<InferenceThroughputRecord> b, string model, string baseDevice, string device)
    {
        var ratios = (from x in a where x.Model == model && x.Device == baseDevice
                      join y in b.Where(y => y.Model == model && y.Device == device) on (x.Engine, x.BatchSize) equals (y.Engine, y.BatchSize)
                      select y.ImagesPerSecond / x.ImagesPerSecond).ToList();
        return ratios.Count > 0 ? Median.Of(ratios) : null;
    }
}
