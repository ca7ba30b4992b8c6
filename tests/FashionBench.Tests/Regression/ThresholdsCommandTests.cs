using System.Text.Json.Nodes;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

public class ThresholdsCommandTests
{
    string dir = "";
    string Out => Path.Combine(dir, "thresholds.json");

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("fb-thresholds-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    void Measure(string profile, params (string Model, double Accuracy)[] models)
    {
        var store = new RunStore(Path.Combine(dir, "ref"), profile);
        foreach (var (model, accuracy) in models)
            foreach (var seed in new[] { 1L, 2, 3 })
                SyntheticRuns.Write(store, model, seed, accuracy, profile: profile);
    }

    [Test]
    public void TheCommandWritesBarsBelowTheMeansWithTheirDerivation()
    {
        Measure("quick", ("fashion-cnn/aug-dropout", 0.9), ("fashion-cnn/no-aug", 0.85));

        var (exit, stdout, stderr) = CliRun.Invoke("thresholds", "--from", Path.Combine(dir, "ref", "quick"), "--out", Out);

        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("2 model(s) written"));
        var quick = ThresholdsFile.Load(Out).For("quick")!;
        Assert.That(quick.Models.Keys, Is.EquivalentTo(new[] { "fashion-cnn/aug-dropout", "fashion-cnn/no-aug" }));
        foreach (var bar in quick.Models.Values)
        {
            Assert.That(bar.MinAccuracy, Is.LessThan(bar.AccuracyMean).And.GreaterThan(bar.AccuracyMean - 0.1));
            Assert.That(bar.MinMacroF1, Is.LessThan(bar.MacroF1Mean));
            Assert.That(bar.Seeds, Is.EqualTo(3));
            Assert.That(bar.ReferenceDevice, Is.EqualTo("cpu"));
        }
        Assert.That(quick.Spread.DegreesOfFreedom, Is.EqualTo(4));
        Assert.That(quick.Derivation, Does.Contain("pooled"));
        Assert.That(quick.Source, Is.EqualTo(Path.Combine(dir, "ref", "quick")));
    }

    [Test]
    public void RegeneratingGivesTheSameBarsAndKeepsOtherProfiles()
    {
        Measure("smoke", ("fashion-cnn/aug-dropout", 0.7));
        Measure("quick", ("fashion-cnn/aug-dropout", 0.9));
        Assert.That(CliRun.Invoke("thresholds", "--from", Path.Combine(dir, "ref", "smoke"), "--out", Out).ExitCode, Is.Zero);
        Assert.That(CliRun.Invoke("thresholds", "--from", Path.Combine(dir, "ref", "quick"), "--out", Out).ExitCode, Is.Zero);
        var first = WithoutTimestamps(Out);
        Assert.That(CliRun.Invoke("thresholds", "--from", Path.Combine(dir, "ref", "quick"), "--out", Out).ExitCode, Is.Zero);

        Assert.That(WithoutTimestamps(Out), Is.EqualTo(first));
        var file = ThresholdsFile.Load(Out);
        Assert.That(file.Profiles.Keys, Is.EqualTo(new[] { "quick", "smoke" }));
        Assert.That(file.For("smoke")!.Models["fashion-cnn/aug-dropout"].AccuracyMean, Is.LessThan(0.75));
    }

    [Test]
    public void AMalformedExistingFileIsNotOverwritten()
    {
        Measure("quick", ("fashion-cnn/aug-dropout", 0.9));
        File.WriteAllText(Out, "{ \"format\": 1, \"profiles\": ");

        var (exit, _, stderr) = CliRun.Invoke("thresholds", "--from", Path.Combine(dir, "ref", "quick"), "--out", Out);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"error: {Out}: not a valid thresholds file"));
        Assert.That(File.ReadAllText(Out), Is.EqualTo("{ \"format\": 1, \"profiles\": "));
    }

    [Test]
    public void AFolderWithoutCompleteRunsIsAUserError()
    {
        Directory.CreateDirectory(Path.Combine(dir, "empty", "quick"));
        var (exit, _, stderr) = CliRun.Invoke("thresholds", "--from", Path.Combine(dir, "empty", "quick"), "--out", Out);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--from").And.Contain("holds no complete runs"));
        Assert.That(File.Exists(Out), Is.False);
    }

    static string WithoutTimestamps(string path)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var (_, profile) in json["profiles"]!.AsObject()) profile!.AsObject().Remove("generated");
        return json.ToJsonString();
    }
}
