using System.Text.Json.Nodes;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

public class RegressCommandTests
{
    const string Main = "fashion-cnn/aug-dropout", NoAug = "fashion-cnn/no-aug", LogReg = "fashion-cnn/logreg";
    string dir = "";
    string Thresholds => Path.Combine(dir, "thresholds.json");
    string Night => Path.Combine(dir, "night");
    RunStore NightStore => new(Night, "quick");

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("fb-regress-").FullName;
        var reference = new RunStore(Path.Combine(dir, "reference"), "quick");
        foreach (var seed in new[] { 1L, 2, 3 })
        {
            SyntheticRuns.Write(reference, Main, seed, 0.90);
            SyntheticRuns.Write(reference, NoAug, seed, 0.88);
        }
        var (exit, _, stderr) = CliRun.Invoke("thresholds", "--from", reference.ProfileDir, "--out", Thresholds);
        Assert.That(exit, Is.Zero, stderr);
    }

    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    (int ExitCode, string Out, string Err) Regress(params string[] extra) =>
        CliRun.Invoke(["regress", "--results", Night, "--profile", "quick", "--no-train", "--thresholds", Thresholds, .. extra]);

    List<RegressionRow> Rows() => CsvFile.Read<RegressionRow>(Path.Combine(NightStore.ProfileDir, RunStore.RegressionTable));

    [Test]
    public void ARunDoctoredBelowItsThresholdFailsAndIsNamed()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        var doctored = SyntheticRuns.Write(NightStore, NoAug, 1, 0.70);
        SyntheticRuns.Write(NightStore, LogReg, 1, 0.60);

        var (exit, stdout, stderr) = Regress();

        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
        var bar = ThresholdsFile.Load(Thresholds).For("quick")!.Models[NoAug];
        Assert.That(stderr, Does.Contain($"regression: {NoAug} seed 1 (cpu): test_accuracy {doctored.TestAccuracy:0.0000} < minimum {bar.MinAccuracy:0.0000}"));
        Assert.That(stderr, Does.Contain($"regression: {NoAug} seed 1 (cpu): macro_f1"));
        Assert.That(stderr, Does.Not.Contain($"regression: {Main}"));
        Assert.That(stderr, Does.Contain($"no threshold: {LogReg} seed 1 test_accuracy"));

        var rows = Rows();
        // Its configuration is the reference's seed 1, so its other predictions fail the exact check too.
        Assert.That(rows.Where(r => r.Status == RegressionStatus.Fail).Select(r => (r.Model, r.Metric)),
            Is.EquivalentTo(new[] { (NoAug, RegressionRow.Accuracy), (NoAug, RegressionRow.MacroF1), (NoAug, RegressionRow.Predictions) }));
        var failing = rows.Single(r => r is { Model: NoAug, Metric: RegressionRow.Accuracy });
        Assert.That(failing.Measured, Is.EqualTo(doctored.TestAccuracy));
        Assert.That(failing.Threshold, Is.EqualTo(bar.MinAccuracy));
        Assert.That(rows.Where(r => r.Model == LogReg).Select(r => r.Status), Is.All.EqualTo(RegressionStatus.NoThreshold));
        Assert.That(rows.Where(r => r.Model == Main).Select(r => r.Status), Is.All.EqualTo(RegressionStatus.Pass));
        var markdown = File.ReadAllText(Path.Combine(NightStore.ProfileDir, RunStore.RegressionMarkdown));
        Assert.That(markdown, Does.Contain("derived ").And.Contain("## Failing").And.Contain($"`{NoAug}` seed 1 (cpu): test_accuracy"));
    }

    [Test]
    public void OtherPredictionsFromTheReferencesConfigurationFailTheExactCheckEvenAboveTheBar()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);                     // the reference's seed-1 run, byte for byte
        SyntheticRuns.Write(NightStore, NoAug, 1, 0.8801);                  // the same configuration, other predictions, above its bar
        SyntheticRuns.Write(NightStore, NoAug, 4, 0.88);                    // a configuration the reference has no run of

        var (exit, _, stderr) = Regress();

        Assert.That(exit, Is.EqualTo(1));
        var exact = Rows().Where(r => r.Metric == RegressionRow.Predictions).ToDictionary(r => (r.Model, r.Seed), r => r.Status);
        Assert.That(exact, Is.EquivalentTo(new Dictionary<(string, long?), string>
        {
            [(Main, 1)] = RegressionStatus.Pass, [(NoAug, 1)] = RegressionStatus.Fail, [(NoAug, 4)] = RegressionStatus.Skipped,
        }));
        Assert.That(Rows().Where(r => r.Metric == RegressionRow.Accuracy).Select(r => r.Status), Is.All.EqualTo(RegressionStatus.Pass));
        Assert.That(stderr, Does.Contain($"regression: {NoAug} seed 1 (cpu): predictions.csv differs from the reference run of the same configuration"));
    }

    /// <summary>
    /// The exact check reaches machines of the vendor the bars' runs were trained on; on another, oneMKL's dense kernels
    /// (outside the pin) differ, so other predictions are judged by the minima alone, with a row that says why.
    /// </summary>
    [TestCase(true)]
    [TestCase(false)]
    public void TheExactCheckHoldsOnlyOnACpuOfTheReferencesVendor(bool sameVendor)
    {
        var json = JsonNode.Parse(File.ReadAllText(Thresholds))!;
        Assert.That(json["profiles"]!["quick"]!["exact_cpu_vendor"], Is.Null, "synthetic runs name no vendor: the check holds everywhere");
        var here = FashionBench.Harness.Machine.CpuVendor.Current;
        json["profiles"]!["quick"]!["exact_cpu_vendor"] = sameVendor ? here : here == "GenuineIntel" ? "AuthenticAMD" : "GenuineIntel";
        File.WriteAllText(Thresholds, json.ToJsonString());
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        SyntheticRuns.Write(NightStore, NoAug, 1, 0.8801);                  // the reference's configuration, other predictions, above its bar

        var (exit, _, stderr) = Regress();

        var noAug = Rows().Single(r => r is { Model: NoAug, Metric: RegressionRow.Predictions });
        if (sameVendor)
            Assert.That((exit, noAug.Status), Is.EqualTo((1, RegressionStatus.Fail)), stderr);
        else
        {
            Assert.That((exit, noAug.Status), Is.EqualTo((0, RegressionStatus.Skipped)), stderr);
            Assert.That(noAug.Note, Does.Contain("oneMKL").And.Contain("judged by the minima alone"));
        }
    }

    [Test]
    public void AFailedRunWarnsWhereTheReferenceFailedOnSomeSeedsTooAndFailsElsewhere()
    {
        RunMetrics Collapsed(RunStore store, string model, long seed) => SyntheticRuns.Write(store,
            RunConfig.For(FashionBench.Models.ModelCatalog.Find(model)!, Profile.Get("quick"), seed, "cpu"),
            Enumerable.Range(0, 2000).Select(i => i % 10).ToArray(), new int[2000]);      // one class for every image
        var reference = new RunStore(Path.Combine(dir, "reference"), "quick");
        Collapsed(reference, NoAug, 4);                                       // no-aug's reference failed on one seed of four
        Assert.That(CliRun.Invoke("thresholds", "--from", reference.ProfileDir, "--out", Thresholds).ExitCode, Is.Zero);
        Assert.That(ThresholdsFile.Load(Thresholds).For("quick")!.Models[NoAug].FailedSeeds, Is.EqualTo(1));
        Collapsed(NightStore, NoAug, 5);
        Collapsed(NightStore, Main, 5);                                       // the main model never failed in the reference

        var (exit, _, stderr) = Regress();

        Assert.That(exit, Is.EqualTo(1), "the main model's collapse fails the gate");
        var accuracy = Rows().Where(r => r.Metric == RegressionRow.Accuracy).ToDictionary(r => r.Model);
        Assert.That((accuracy[NoAug].Status, accuracy[Main].Status), Is.EqualTo((RegressionStatus.Warning, RegressionStatus.Fail)));
        Assert.That(accuracy[NoAug].Note, Does.Contain("collapsed, as 1 of the bar's source runs did"));
        Assert.That(stderr, Does.Contain($"regression: {Main} seed 5").And.Not.Contain($"regression: {NoAug} seed 5"));
    }

    [Test]
    public void HealthyRunsPassButAMissingModelFailsAndIsNamed()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        SyntheticRuns.Write(NightStore, LogReg, 1, 0.60);

        var (exit, stdout, stderr) = Regress();

        Assert.That(exit, Is.EqualTo(1), stdout + stderr);
        Assert.That(stderr, Does.Contain($"regression: {NoAug}: no run in the folder (minimum test_accuracy"));
        Assert.That(stderr, Does.Not.Contain($"regression: {Main}"));
        Assert.That(Rows().Single(r => r.Model == NoAug).Status, Is.EqualTo(RegressionStatus.NoRun));

        SyntheticRuns.Write(NightStore, NoAug, 1, 0.88);
        var again = Regress();
        Assert.That(again.ExitCode, Is.Zero, again.Out + again.Err);
        Assert.That(again.Out, Does.Contain("no regression"));
    }

    [Test]
    public void AProfileWithoutBarsFailsWithOneLineBeforeAnythingRuns()
    {
        SyntheticRuns.Write(new RunStore(Night, "smoke"), Main, 1, 0.90);
        var (exit, _, stderr) = CliRun.Invoke("regress", "--results", Night, "--profile", "smoke", "--no-train", "--thresholds", Thresholds);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.Trim(), Does.StartWith("error: ").And.Contain("no thresholds for profile 'smoke'"));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void ASlowEpochIsAWarningOnly()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90, epochSeconds: 100);   // reference 10 s
        SyntheticRuns.Write(NightStore, NoAug, 1, 0.88);

        var (exit, _, stderr) = Regress();

        Assert.That(exit, Is.Zero, stderr);
        var time = Rows().Single(r => r is { Model: Main, Metric: RegressionRow.EpochSeconds });
        Assert.That(time.Status, Is.EqualTo(RegressionStatus.Warning));
        Assert.That(time.Threshold, Is.EqualTo(10 * ThresholdDerivation.EpochTimeRatioBound));
        Assert.That(time.Note, Does.StartWith("10.00× the reference 10 s"));
    }

    [Test]
    public void ModelsOutsideTheFilterAreNeitherComparedNorMissing()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        SyntheticRuns.Write(NightStore, NoAug, 1, 0.70);

        var (exit, _, stderr) = Regress("--models", Main);

        Assert.That(exit, Is.Zero, stderr);
        Assert.That(Rows().Select(r => r.Model).Distinct(), Is.EqualTo(new[] { Main }));
    }

    [Test]
    public void AThresholdOutOfRangeIsAUserErrorNamingTheFileAndField()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        var json = JsonNode.Parse(File.ReadAllText(Thresholds))!;
        json["profiles"]!["quick"]!["models"]![Main]!["min_accuracy"] = 1.5;
        File.WriteAllText(Thresholds, json.ToJsonString());

        var (exit, _, stderr) = Regress();

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr.Trim(), Is.EqualTo($"error: {Thresholds}: profiles.quick.models[\"{Main}\"].min_accuracy is 1.5; it must be a fraction in [0, 1]"));
    }

    [Test]
    public void AMissingFieldIsAUserErrorNamingTheFile()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        var json = JsonNode.Parse(File.ReadAllText(Thresholds))!;
        json["profiles"]!["quick"]!["models"]![Main]!.AsObject().Remove("min_macro_f1");
        File.WriteAllText(Thresholds, json.ToJsonString());

        var (exit, _, stderr) = Regress();

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"error: {Thresholds}: not a valid thresholds file").And.Contain("min_macro_f1"));
        Assert.That(stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void AMissingThresholdsFileIsAUserError()
    {
        SyntheticRuns.Write(NightStore, Main, 1, 0.90);
        File.Delete(Thresholds);
        var (exit, _, stderr) = Regress();
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain($"{Thresholds}: not found"));
    }

    [Test]
    public void NothingToCompareIsAUserErrorNotAPass()
    {
        var (exit, _, stderr) = Regress();
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("no complete runs to compare"));
    }
}
