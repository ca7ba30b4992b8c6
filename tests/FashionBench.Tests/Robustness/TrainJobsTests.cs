using System.Diagnostics;
using System.Text.Json;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Robustness;

/// <summary>`train --jobs N`: worker processes compute what one process computes, under the parent's lock.</summary>
[Category("Integration")]
public class TrainJobsTests
{
    const string Models = "tinyvgg/v1-linear,fashion-cnn/logreg,mnist-8k/model1";
    string root = "";
    string? savedMirror;

    [SetUp]
    public void SetUp()
    {
        if (CliProcess.Mirror() is null) Assert.Ignore("dataset mirror ../shared/datasets not found");
        root = Directory.CreateTempSubdirectory("fb-jobs-").FullName;
        savedMirror = Environment.GetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR");
        Environment.SetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR", CliProcess.Mirror());
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable("FASHIONBENCH_DATA_MIRROR", savedMirror);
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public void TwoWorkersGiveTheSameRunsAsOneProcess()
    {
        string[] train = ["train", "--profile", "smoke", "--models", Models, "--threads", "1"];
        var (single, parallel) = (Path.Combine(root, "single"), Path.Combine(root, "parallel"));
        Assert.That(CliProcess.Run([.. train, "--results", single]).Exit, Is.EqualTo(0));
        var (exit, err) = CliProcess.Run([.. train, "--jobs", "2", "--results", parallel]);
        Assert.That(exit, Is.EqualTo(0), err);

        Assert.That(Outcomes(parallel), Is.EqualTo(Outcomes(single)));
        Assert.That(Outcomes(parallel), Has.Count.EqualTo(3));
        Assert.That(File.ReadLines(Path.Combine(parallel, "smoke", "runs.csv")).Count(), Is.EqualTo(4), "the parent wrote the aggregates");
        var (again, _) = CliProcess.Run([.. train, "--jobs", "2", "--results", parallel]);
        Assert.That(again, Is.EqualTo(0), "complete runs are reused");
    }

    [Test]
    public void AWorkerWithoutItsParentsLockIsRefused()
    {
        var (exit, err) = CliProcess.Run("train", "--profile", "smoke", "--models", "tinyvgg/v1-linear",
            "--worker-of", "1", "--results", root);
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.Contain("--worker-of: process 1 does not hold"));
        Assert.That(Directory.Exists(Path.Combine(root, "smoke", "runs")), Is.False, "nothing trained");
    }

    /// <summary>
    /// Ctrl+C (SIGINT) or `kill` (SIGTERM) to the parent alone stops its workers (with SIGTERM, which a worker started in
    /// the background cannot be ignoring) and ends it with 130, nothing complete.
    /// </summary>
    [TestCase("-INT"), TestCase("-TERM"), Platform("Linux")]
    public void InterruptingTheParentStopsItsWorkers(string signal)
    {
        // A shell without job control starts background commands with SIGINT ignored, and children inherit that.
        if (signal == "-INT" && SigIntIgnored()) Assert.Ignore("SIGINT is ignored in this process tree (started in the background by a non-interactive shell)");
        using var parent = CliProcess.Start("train", "--profile", "smoke", "--epochs", "50", "--models", "tinyvgg/v2,mnist-8k/model1",
            "--jobs", "2", "--threads", "1", "--results", root);
        var stdout = parent.StandardOutput.ReadToEndAsync();
        var stderr = parent.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Workers(parent.Id).Count < 2 && DateTime.UtcNow < deadline && !parent.HasExited) Thread.Sleep(100);
        Assert.That(Workers(parent.Id), Has.Count.EqualTo(2), "both workers started");
        Thread.Sleep(2000);                                                   // into training

        using (var kill = Process.Start("kill", [signal, parent.Id.ToString()])) kill.WaitForExit();
        Assert.That(parent.WaitForExit(TimeSpan.FromSeconds(60)), Is.True, "the parent exits");
        Assert.That(parent.ExitCode, Is.EqualTo(130), stdout.Result + stderr.Result);
        Assert.That(stderr.Result, Does.Contain("interrupted"));
        Assert.That(Workers(parent.Id), Is.Empty, "no worker trains on without the lock");
        Assert.That(new RunStore(root, "smoke").CompleteRuns(), Is.Empty);
    }

    // /proc/self/status's SigIgn: a hex mask of the ignored signals, bit n − 1 for signal n (SIGINT is 2).
    static bool SigIntIgnored() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } line
        && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;

    // Every run's results minus wall-clock figures and provenance, by run id.
    static Dictionary<string, string> Outcomes(string results)
    {
        var store = new RunStore(results, "smoke");
        return store.CompleteRuns().ToDictionary(id => id, id =>
        {
            var m = store.ReadMetrics(id);
            return JsonSerializer.Serialize(new { m.TestAccuracy, m.TestLoss, m.MacroF1, m.PerClass, m.Confusion, m.Threads })
                   + File.ReadAllText(store.FileOf(id, "predictions.csv"));
        });
    }

    // Processes started as workers of `parentPid` (their command line has "--worker-of <pid>").
    static List<int> Workers(int parentPid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0, Dir: d))
            .Where(p => p.Pid > 0 && CommandLine(p.Dir).Contains($"--worker-of\0{parentPid}\0"))
            .Select(p => p.Pid).ToList();

    static string CommandLine(string procDir)
    {
        try { return File.ReadAllText(Path.Combine(procDir, "cmdline")); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
