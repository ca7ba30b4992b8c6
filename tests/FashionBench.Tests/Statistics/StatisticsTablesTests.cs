using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using FashionBench.Tests.Regression;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

public class StatisticsTablesTests
{
    const string Baseline = "fashion-cnn/aug-dropout", Ablation = "fashion-cnn/no-aug", SingleSeed = "fashion-cnn/logreg";
    string dir = "";
    RunStore store = null!;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("fb-stats-").FullName;
        store = new RunStore(dir, "quick");
    }

    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    static RunConfig Config(string model, long seed) => RunConfig.For(ModelCatalog.Find(model)!, Profile.Get("quick"), seed, "cpu");

    static int[] Labels(int n) => Enumerable.Range(0, n).Select(i => i % 10).ToArray();

    // Wrong on the given items (prediction = label + 1), right elsewhere.
    IReadOnlyList<SeedStatsRow> SeedStats() => CsvFile.Read<SeedStatsRow>(store.TableOf(RunStore.SeedStatsTable));

    static int[] WrongOn(int n, params int[] items) => Labels(n).Select((l, i) => items.Contains(i) ? (l + 1) % 10 : l).ToArray();

    [Test]
    public void SeedStatisticsAreTheMeanStdAndTIntervalOfEachMultiSeedModel()
    {
        var runs = new[] { 1L, 2, 3 }.Select(s => SyntheticRuns.Write(store, Baseline, s, 0.9 - 0.01 * s, testImages: 500)).ToList();
        SyntheticRuns.Write(store, SingleSeed, 1, 0.8, testImages: 500);

        StatisticsTables.Write(store);

        var seedStats = SeedStats();
        Assert.That(seedStats.Select(r => r.Model), Is.EqualTo(new[] { Baseline }), "a single seed has no spread");
        var row = seedStats[0];
        var acc = runs.Select(r => r.TestAccuracy).ToArray();
        var mean = acc.Average();
        var std = Math.Sqrt(acc.Sum(a => (a - mean) * (a - mean)) / 2);
        Assert.That(row.N, Is.EqualTo(3));
        Assert.That(row.Device, Is.EqualTo("cpu"));
        Assert.That(row.AccuracyMean, Is.EqualTo(mean).Within(1e-12));
        Assert.That(row.AccuracyStd, Is.EqualTo(std).Within(1e-12));
        Assert.That(row.AccuracyCiHigh - row.AccuracyMean, Is.EqualTo(4.302653 * std / Math.Sqrt(3)).Within(1e-8));
        Assert.That(row.MacroF1Mean, Is.EqualTo(runs.Average(r => r.MacroF1)).Within(1e-12));

        var csv = File.ReadAllLines(Path.Combine(store.ProfileDir, RunStore.SeedStatsTable));
        Assert.That(csv[0], Is.EqualTo("model,n,accuracy_mean,accuracy_std,accuracy_ci_low,accuracy_ci_high," +
                                       "macro_f1_mean,macro_f1_std,macro_f1_ci_low,macro_f1_ci_high,device"));
        Assert.That(csv, Has.Length.EqualTo(2));
    }

    [Test]
    public void McNemarPairsEachAblationWithItsBaselineOnTheSameSeed()
    {
        // Seed 1: the baseline misses item 0; the ablation misses items 1–6 → b = 6, c = 1, p = 0.125.
        SyntheticRuns.Write(store, Config(Baseline, 1), Labels(20), WrongOn(20, 0));
        SyntheticRuns.Write(store, Config(Ablation, 1), Labels(20), WrongOn(20, 1, 2, 3, 4, 5, 6));
        // Seed 2: identical predictions → no discordant item, p = 1.
        SyntheticRuns.Write(store, Config(Baseline, 2), Labels(20), WrongOn(20, 3));
        SyntheticRuns.Write(store, Config(Ablation, 2), Labels(20), WrongOn(20, 3));
        // Seed 3 of the ablation has no baseline run: nothing to pair.
        SyntheticRuns.Write(store, Config(Ablation, 3), Labels(20), WrongOn(20));

        StatisticsTables.Write(store);
        var rows = CsvFile.Read<McNemarRow>(store.TableOf(RunStore.McNemarTable));

        Assert.That(rows.Select(r => (r.Model, r.Baseline, r.Seed, r.B, r.C)),
            Is.EqualTo(new[] { (Ablation, Baseline, 1L, 6, 1), (Ablation, Baseline, 2L, 0, 0) }));
        Assert.That(rows[0].PValue, Is.EqualTo(0.125).Within(1e-12));
        Assert.That(rows[1].PValue, Is.EqualTo(1.0));
        var csv = File.ReadAllLines(Path.Combine(store.ProfileDir, RunStore.McNemarTable));
        Assert.That(csv[0], Is.EqualTo("model,baseline,seed,b,c,p_value,device"));
        Assert.That(csv[1], Is.EqualTo($"{Ablation},{Baseline},1,6,1,0.125,cpu"));
    }

    [Test]
    public void PredictionsOnDifferentTestSetsAreAUserErrorNamingBothFiles()
    {
        SyntheticRuns.Write(store, Config(Baseline, 1), Labels(20), Labels(20));
        var shuffled = Labels(20).Reverse().ToArray();
        SyntheticRuns.Write(store, Config(Ablation, 1), shuffled, shuffled);

        var e = Assert.Throws<UserError>(() => StatisticsTables.Write(store))!;
        Assert.That(e.Message, Does.Contain(store.FileOf(Config(Ablation, 1).RunId, "predictions.csv")));
        Assert.That(e.Message, Does.Contain(store.FileOf(Config(Baseline, 1).RunId, "predictions.csv")));
    }

    [Test]
    public void AFolderWithoutRunsGetsHeaderOnlyTables()
    {
        StatisticsTables.Write(store);
        Assert.That(SeedStats(), Is.Empty);
        Assert.That(File.ReadAllLines(Path.Combine(store.ProfileDir, RunStore.McNemarTable)),
            Is.EqualTo(new[] { "model,baseline,seed,b,c,p_value,device" }));
    }
}
