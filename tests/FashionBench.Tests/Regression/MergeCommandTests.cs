using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Regression;

public class MergeCommandTests
{
    string dir = "";

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("fb-merge-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    // A baseline and its ablation (so mcnemar.csv has rows) × 3 seeds: 6 runs, split 3 + 3 by two shards.
    static IReadOnlyList<(ModelSpec Spec, RunConfig Config)> Plan(Shard shard) =>
        RunMatrix.Plan(Profile.Get("quick"), "fashion-cnn/aug-dropout,fashion-cnn/no-aug", seeds: 3, firstSeed: 1, "cpu", shard);

    // What "training" a planned run gives here: a fixed accuracy per model and seed.
    static void Train(string root, (ModelSpec Spec, RunConfig Config) run)
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 10).ToArray();
        var wrong = 10 + run.Spec.Id.Length + (int)run.Config.Seed;
        var predictions = labels.Select((l, i) => i < wrong ? (l + 3) % 10 : l).ToArray();
        SyntheticRuns.Write(new RunStore(root, "quick"), run.Config, labels, predictions, epochSeconds: 5 + run.Config.Seed);
    }

    [Test]
    public void ShardedThenMergedRunsGiveTheSameTablesAsAnUnshardedRun()
    {
        var whole = Path.Combine(dir, "whole");
        foreach (var run in Plan(Shard.Whole)) Train(whole, run);
        var wholeStore = new RunStore(whole, "quick");
        Aggregates.Write(wholeStore);
        StatisticsTables.Write(wholeStore);
        var shards = new[] { new Shard(1, 2), new Shard(2, 2) }.Select(s =>
        {
            var root = Path.Combine(dir, $"shard-{s.Index}");
            foreach (var run in Plan(s)) Train(root, run);
            return root;
        }).ToList();
        Assert.That(Plan(new Shard(1, 2)).Count, Is.GreaterThan(0).And.LessThan(Plan(Shard.Whole).Count));

        var merged = Path.Combine(dir, "merged");
        var (exit, stdout, stderr) = CliRun.Invoke(["merge", .. shards, "--results", merged]);

        Assert.That(exit, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain($"quick: {Plan(Shard.Whole).Count} run(s) copied, 0 already present, 0 left out"));
        foreach (var table in new[] { "runs.csv", "per_class.csv", "curves.csv", RunStore.SeedStatsTable, RunStore.McNemarTable })
            Assert.That(File.ReadAllBytes(Path.Combine(merged, "quick", table)),
                Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "quick", table))), table);
        Assert.That(File.ReadAllLines(Path.Combine(merged, "quick", "runs.csv")), Has.Length.EqualTo(Plan(Shard.Whole).Count + 1));
        Assert.That(File.ReadAllLines(Path.Combine(merged, "quick", RunStore.McNemarTable)), Has.Length.EqualTo(3 + 1));
    }

    [Test]
    public void OnlyCompleteRunsAreMergedAndMergingTwiceCopiesNothingNew()
    {
        var shard = Path.Combine(dir, "shard");
        var plan = Plan(Shard.Whole);
        Train(shard, plan[0]);
        Train(shard, plan[1]);
        var store = new RunStore(shard, "quick");
        File.AppendAllText(store.FileOf(plan[1].Config.RunId, "predictions.csv"), "tampered\n");   // corrupt
        Directory.CreateDirectory(store.CheckpointDir(plan[2].Config.RunId));                        // interrupted
        File.WriteAllText(store.FileOf(plan[2].Config.RunId, "config.json"), "{}");
        var merged = Path.Combine(dir, "merged");

        var first = CliRun.Invoke("merge", shard, "--results", merged);
        var second = CliRun.Invoke("merge", shard, "--results", merged);

        Assert.That(first.ExitCode, Is.Zero, first.Err);
        Assert.That(first.Out, Does.Contain("quick: 1 run(s) copied, 0 already present, 2 left out"));
        Assert.That(first.Err, Does.Contain("corrupt, not merged").And.Contain("incomplete, not merged"));
        Assert.That(second.Out, Does.Contain("quick: 0 run(s) copied, 1 already present, 2 left out"));
        Assert.That(new RunStore(merged, "quick").CompleteRuns(), Is.EqualTo(new[] { plan[0].Config.RunId }));
        Assert.That(Directory.EnumerateDirectories(Path.Combine(merged, "quick", "runs")).Count(), Is.EqualTo(1));
    }

    [Test]
    public void AFolderWithoutRunsIsAUserError()
    {
        Directory.CreateDirectory(Path.Combine(dir, "nothing", "logs"));
        var (exit, _, stderr) = CliRun.Invoke("merge", Path.Combine(dir, "nothing"), "--results", Path.Combine(dir, "merged"));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("no <profile>/runs/ folder"));
    }
}
