using System.Text.Json;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Robustness;

/// <summary>
/// SIGKILL a real training process at random moments (seeds recorded), resume it, and require the final metrics to
/// equal an uninterrupted run's — and that no run folder ever looks complete when it is not.
/// CI runs 3 trials (category Integration); the full 10 run under category Slow (README: Tests).
/// </summary>
[Category("Integration")]
public class KillResumeTests
{
    const string Model = "tinyvgg/v1-linear";
    static readonly string[] Training = ["train", "--profile", "smoke", "--epochs", "4", "--models", Model];
    string root = "";

    [SetUp]
    public void SetUp()
    {
        if (CliProcess.Mirror() is null) Assert.Ignore("dataset mirror ../shared/datasets not found");
        root = Directory.CreateTempSubdirectory("fb-kill-").FullName;
    }

    [TearDown] public void TearDown() => Directory.Delete(root, recursive: true);

    [Test] public void ThreeRandomKillsThenResumeEqualAnUninterruptedRun() => Trials(3, firstSeed: 1);

    [Test, Category("Slow")] public void TenRandomKillsThenResumeEqualAnUninterruptedRun() => Trials(10, firstSeed: 100);

    void Trials(int count, int firstSeed)
    {
        var environment = Environment.GetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR");
        Environment.SetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR", CliProcess.Mirror());
        try
        {
            var reference = Path.Combine(root, "reference");
            var started = DateTime.UtcNow;
            Assert.That(CliProcess.Run([.. Training, "--results", reference]).Exit, Is.EqualTo(0));
            var fullSeconds = (DateTime.UtcNow - started).TotalSeconds;
            var expected = Outcome(reference);

            for (var trial = 0; trial < count; trial++)
            {
                var seed = firstSeed + trial;
                var random = new Random(seed);
                var results = Path.Combine(root, $"trial-{seed}");
                var killAfter = TimeSpan.FromSeconds(random.NextDouble() * fullSeconds);
                using (var process = CliProcess.Start([.. Training, "--results", results]))
                {
                    var finished = process.WaitForExit(killAfter);
                    if (!finished) process.Kill();                      // SIGKILL on Unix
                    process.WaitForExit();
                    TestContext.Out.WriteLine($"trial seed {seed}: killed after {killAfter.TotalSeconds:0.00} s " +
                                              $"({(finished ? "it had already finished" : Phase(results))})");
                }
                AssertNothingLooksCompleteFalsely(results, expected);
                Assert.That(CliProcess.Run([.. Training, "--results", results]).Exit, Is.EqualTo(0), $"resume, trial seed {seed}");
                Assert.That(Outcome(results), Is.EqualTo(expected), $"trial seed {seed}");
            }
        }
        finally { Environment.SetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR", environment); }
    }

    // Everything a run's results say, minus wall-clock figures and provenance.
    static string Outcome(string results)
    {
        var store = new RunStore(results, "smoke");
        var id = store.CompleteRuns().Single();
        var m = store.ReadMetrics(id);
        var curves = File.ReadAllLines(store.FileOf(id, "curves.csv")).Select(l => string.Join(',', l.Split(',')[..^2]));
        return JsonSerializer.Serialize(new { m.TestAccuracy, m.TestLoss, m.MacroF1, m.PerClass, m.Confusion, m.EpochsRun })
               + string.Join('\n', curves) + File.ReadAllText(store.FileOf(id, "predictions.csv"));
    }

    static void AssertNothingLooksCompleteFalsely(string results, string expected)
    {
        var store = new RunStore(results, "smoke");
        if (!Directory.Exists(store.RunsDir)) return;
        foreach (var dir in Directory.EnumerateDirectories(store.RunsDir))
        {
            var id = Path.GetFileName(dir);
            var looksComplete = File.Exists(store.FileOf(id, RunStore.CompletionFile));
            if (looksComplete)
            {
                Assert.That(store.Status(id), Is.EqualTo(RunStatus.Complete), $"{id} has complete.json but its files do not verify");
                Assert.That(Outcome(results), Is.EqualTo(expected), $"{id} looked complete after the kill but differs");
            }
        }
    }

    static string Phase(string results)
    {
        var store = new RunStore(results, "smoke");
        if (!Directory.Exists(store.RunsDir)) return "before the run folder existed";
        var dir = Directory.EnumerateDirectories(store.RunsDir).Single();
        var checkpoints = Path.Combine(dir, RunStore.CheckpointFolder);
        if (File.Exists(Path.Combine(dir, RunStore.CompletionFile))) return "after completion";
        if (Directory.EnumerateFiles(dir).Any(f => RunStore.ResultFiles.Contains(Path.GetFileName(f)) && !f.EndsWith("config.json")))
            return "while writing results";
        if (Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints, "*.tmp").Any()) return "while writing a checkpoint";
        return Directory.Exists(checkpoints) && File.Exists(Path.Combine(checkpoints, "state.json"))
            ? "during an epoch after a checkpoint" : "during the first epoch";
    }
}
