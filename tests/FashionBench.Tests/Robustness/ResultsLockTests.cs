using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests.Robustness;

/// <summary>Two pipelines on one results folder: the second waits, then stops with a message naming the holder.</summary>
public class ResultsLockTests
{
    [Test]
    public void ASecondPipelineStopsWithAClearMessageWhileTheFirstHoldsTheFolder()
    {
        var results = Directory.CreateTempSubdirectory("fb-lock-").FullName;
        using (ResultsLock.Acquire(Path.Combine(results, "smoke"), TimeSpan.Zero))
        {
            Environment.SetEnvironmentVariable("FASHIONBENCH_LOCK_WAIT_SECONDS", "1");
            try
            {
                var (exit, err) = CliProcess.Run("train", "--profile", "smoke", "--results", results);
                Assert.That(exit, Is.EqualTo(2));
                Assert.That(err, Does.Contain("in use by another fashionbench pipeline").And.Contain($"pid {Environment.ProcessId}"));
                Assert.That(Directory.Exists(Path.Combine(results, "smoke", "runs")), Is.False, "nothing was written");
            }
            finally { Environment.SetEnvironmentVariable("FASHIONBENCH_LOCK_WAIT_SECONDS", null); }
        }
        Directory.Delete(results, recursive: true);
    }

    [Test]
    public void TheSecondPipelineProceedsOnceTheFirstReleasesTheFolder()
    {
        var results = Directory.CreateTempSubdirectory("fb-lock-").FullName;
        var held = ResultsLock.Acquire(Path.Combine(results, "smoke"), TimeSpan.Zero);
        Environment.SetEnvironmentVariable("FASHIONBENCH_LOCK_WAIT_SECONDS", "30");
        try
        {
            using var second = CliProcess.Start("train", "--profile", "smoke", "--models", "no-such-model", "--results", results);
            Thread.Sleep(1500);
            Assert.That(second.HasExited, Is.False, "it waits while the folder is held");
            held.Dispose();
            var err = second.StandardError.ReadToEnd();
            second.WaitForExit();
            // Past the lock, the run plan is checked next: the unknown model proves the lock was obtained.
            Assert.That(err, Does.Contain("--models: 'no-such-model' matches no model"));
        }
        finally
        {
            held.Dispose();
            Environment.SetEnvironmentVariable("FASHIONBENCH_LOCK_WAIT_SECONDS", null);
            Directory.Delete(results, recursive: true);
        }
    }

    [Test]
    public void WithinOneProcessTheLockIsExclusiveToo()
    {
        var dir = Directory.CreateTempSubdirectory("fb-lock-").FullName;
        using (ResultsLock.Acquire(dir, TimeSpan.Zero))
            Assert.That(() => ResultsLock.Acquire(dir, TimeSpan.FromMilliseconds(300)),
                Throws.TypeOf<FashionBench.Harness.UserError>().With.Message.Contains("in use by another fashionbench pipeline"));
        using (ResultsLock.Acquire(dir, TimeSpan.Zero)) { }   // released on dispose
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public void ReleasingTheLockLeavesNoOwnerNoteBehind()
    {
        var dir = Directory.CreateTempSubdirectory("fb-lock-").FullName;
        var owner = Path.Combine(dir, ResultsLock.FileName + ".owner");
        using (ResultsLock.Acquire(dir, TimeSpan.Zero))
            Assert.That(File.ReadAllText(owner), Does.StartWith($"pid {Environment.ProcessId} "));
        Assert.That(File.Exists(owner), Is.False, "a note naming a finished process would mislead the next reader");
        Directory.Delete(dir, recursive: true);
    }
}
