using System.Diagnostics;
using FashionBench.Harness.Runs;
using FashionBench.Tests.Cli;
using FashionBench.Tests.Reports.Builder;
using FashionBench.Tests.Robustness;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>
/// A smoke-profile folder with one run and nothing else (no bench files, reference or statistics): accuracy claims
/// are not comparable, parameter claims are judged, and every missing input is named; plus the `report` verb.
/// </summary>
[TestFixture]
public sealed class ReportBuilderSmokeTests
{
    ReportFixture fixture = null!;

    [OneTimeSetUp]
    public void Render() =>
        fixture = new ReportFixture(Profile.Get("smoke"), [new SyntheticRun("mnist-8k/model1", 1, 0.5)], withBenchFiles: false);

    [OneTimeTearDown]
    public void Clean() => fixture.Dispose();

    [Test]
    public void AccuracyIsNotComparableUnderTheProfileWhileParametersAreJudged()
    {
        var verdicts = fixture.Outcome.Tables.Verdicts;
        Assert.That(verdicts.Single(v => v.Claim == "best-epoch test accuracy").VerdictText, Is.EqualTo("not comparable (profile)"));
        Assert.That(verdicts.Single(v => v.Claim == "parameters").VerdictText, Is.EqualTo("held"));
        Assert.That(string.Join(" ", fixture.Pages[0]), Does.Contain("Of 4 documented claims set against these runs, 1 held, 0 did not hold and 0 were inconclusive"));
        Assert.That(verdicts.Single(v => v.Claim == "best training accuracy").VerdictText, Is.EqualTo("not comparable (profile)"));
        Assert.That(fixture.Outcome.Tables.Summary.Single().AccuracyVerdict, Is.EqualTo("not comparable (profile)"));
    }

    [Test]
    public void TheFilesParagraphNamesOnlyFilesThatExist()
    {
        var text = fixture.AllText.ReplaceLineEndings(" ");
        Assert.That(File.Exists(Path.Combine(fixture.Store.ProfileDir, "throughput_peak.csv")), Is.False);
        Assert.That(text, Does.Not.Contain("throughput_peak.csv"));
        Assert.That(text, Does.Contain("no inference was measured, so there is no throughput.csv or parity.csv"));
        foreach (var file in fixture.Outcome.Tables.WrittenFiles)
            Assert.That(File.Exists(Path.Combine(fixture.Store.ProfileDir, file)), file);
    }

    [Test]
    public void MissingInputsAreNamedInsteadOfLeftOut()
    {
        var text = string.Join(" ", fixture.Pages.SelectMany(p => p));
        Assert.That(text, Does.Contain("No committed reference exists for this profile"));
        Assert.That(text, Does.Contain("No inference throughput was measured for this profile"));
        Assert.That(text, Does.Contain("No parity results for this profile"));
        Assert.That(text, Does.Contain("Training curves need two epochs or more; this run trained 1"));
        Assert.That(File.Exists(Path.Combine(fixture.Store.ProfileDir, "throughput_peak.csv")), Is.False, "nothing measured, nothing derived");
    }

    [Test]
    public void ReportVerbNamesAMissingProfileFolder()
    {
        var results = Path.Combine(fixture.Root, "elsewhere");
        var (exit, _, err) = CliRun.Run("report", "--results", results, "--profile", "smoke");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Has.One.Contains(Path.Combine(results, "smoke")).And.Contains("no such results folder"));
    }

    [Test]
    public void ReportVerbRefusesAFolderWithoutCompleteRuns()
    {
        var results = Path.Combine(fixture.Root, "incomplete");
        var store = new RunStore(results, "quick");
        Directory.CreateDirectory(store.RunDir("tinyvgg_v2-cpu-s1-00000000"));
        File.WriteAllText(store.FileOf("tinyvgg_v2-cpu-s1-00000000", "config.json"), "{}");
        var (exit, _, err) = CliRun.Run("report", "--results", results, "--profile", "quick");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Has.One.Contains(store.ProfileDir).And.Contains("no complete runs"));
        Assert.That(File.Exists(Path.Combine(store.ProfileDir, "report.pdf")), Is.False);
    }

    [Test]
    public void ReportVerbRejectsAnUnknownProfile()
    {
        var (exit, _, err) = CliRun.Run("report", "--results", fixture.Root, "--profile", "nightly");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Has.One.Contains("--profile").And.Contains("nightly"));
    }

    /// <summary>The real verb on a copy of the synthetic folder, reading test images through the dataset cache.</summary>
    [Test, Category("Integration")]
    public void ReportVerbRendersTheResultsFolderWithTheRealDatasetCache()
    {
        var mirror = CliProcess.Mirror();
        if (mirror is null) Assert.Ignore("no local dataset mirror (FASHIONBENCH_DATA_MIRROR or ../shared/datasets)");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "fashionbench.dll"), "report", "--results", Path.Combine(fixture.Root, "results"), "--profile", "smoke" })
            info.ArgumentList.Add(arg);
        info.Environment["FASHIONBENCH_DATA_MIRROR"] = mirror;
        info.Environment["FASHIONBENCH_DATA_DIR"] = Path.Combine(fixture.Root, "cache");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), stderr.Result);
        Assert.That(stdout, Does.Contain("report.pdf").And.Contain("4 documented claims: 1 held, 0 did not hold, 0 inconclusive, 0 run failed, 0 contradicted by the write-up, 3 not comparable"));
        Assert.That(File.Exists(Path.Combine(fixture.Root, "cache", "mnist", "t10k-images-idx3-ubyte.gz")), "test images were acquired into the cache");
    }
}
