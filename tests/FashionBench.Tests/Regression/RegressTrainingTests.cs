using System.Text.Json.Nodes;
using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Data;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

/// <summary>
/// `regress` without --no-train on the real data (shared mirror): it trains the smoke profile's logistic regression
/// through the train verb, then reuses that run, and fails once the bar is raised above what it measured.
/// </summary>
[Category("Integration")]
[NonParallelizable]  // sets environment variables and redirects the console
public class RegressTrainingTests
{
    string dir = "";
    string? savedCache, savedMirror;

    [SetUp]
    public void SetUp()
    {
        var mirror = Path.GetFullPath(Path.Combine(RepoRoot.Find(), "..", "shared", "datasets"));
        if (!Directory.Exists(mirror)) Assert.Ignore($"shared dataset mirror not found at {mirror}");
        dir = Directory.CreateTempSubdirectory("fb-regress-train-").FullName;
        (savedCache, savedMirror) = (Environment.GetEnvironmentVariable(DataSources.DataDirVariable), Environment.GetEnvironmentVariable(DataSources.MirrorVariable));
        Environment.SetEnvironmentVariable(DataSources.DataDirVariable, Path.Combine(dir, "data"));
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, mirror);
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable(DataSources.DataDirVariable, savedCache);
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, savedMirror);
        if (dir != "") Directory.Delete(dir, recursive: true);
    }

    [Test]
    public void TrainsComparesAndFailsWhenTheBarIsAboveTheRun()
    {
        var results = Path.Combine(dir, "results");
        var thresholds = Path.Combine(dir, "thresholds.json");
        string[] common = ["--results", results, "--profile", "smoke", "--models", "fashion-cnn/logreg", "--threads", "1", "--thresholds", thresholds];

        // No bars for the profile: refused before anything trains (a gate without bars checks nothing).
        File.WriteAllText(thresholds, "{ \"format\": 1, \"profiles\": {} }");
        var refused = CliRun.Invoke(["regress", .. common]);
        Assert.That(refused.ExitCode, Is.EqualTo(2), refused.Out + refused.Err);
        Assert.That(refused.Err, Does.Contain("no thresholds for profile 'smoke'"));
        Assert.That(Directory.Exists(Path.Combine(results, "smoke", "runs")), Is.False, "nothing trained");

        var first = CliRun.Invoke(["train", .. common[..^2]]);
        Assert.That(first.ExitCode, Is.Zero, first.Out + first.Err);
        Assert.That(first.Out, Does.Contain("1 trained"));

        Assert.That(CliRun.Invoke("thresholds", "--from", Path.Combine(results, "smoke"), "--out", thresholds).ExitCode, Is.Zero);
        var second = CliRun.Invoke(["regress", .. common]);
        Assert.That(second.ExitCode, Is.Zero, second.Out + second.Err);
        Assert.That(second.Out, Does.Contain("1 reused"));

        var json = JsonNode.Parse(File.ReadAllText(thresholds))!;
        json["profiles"]!["smoke"]!["models"]!["fashion-cnn/logreg"]!["min_accuracy"] = 0.999;
        File.WriteAllText(thresholds, json.ToJsonString());
        var third = CliRun.Invoke(["regress", .. common]);
        Assert.That(third.ExitCode, Is.EqualTo(1), third.Out + third.Err);
        Assert.That(third.Err, Does.Contain("regression: fashion-cnn/logreg seed 1 (cpu): test_accuracy").And.Contain("< minimum 0.9990"));
        var rows = CsvFile.Read<RegressionRow>(Path.Combine(results, "smoke", RunStore.RegressionTable));
        Assert.That(rows.Single(r => r.Metric == RegressionRow.Accuracy).Status, Is.EqualTo(RegressionStatus.Fail));
    }
}
