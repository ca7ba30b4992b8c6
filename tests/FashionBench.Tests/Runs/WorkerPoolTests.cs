using System.Collections.Concurrent;
using FashionBench.Harness.Workers;
using NUnit.Framework;

namespace FashionBench.Tests.Runs;

/// <summary>The worker scheduler of `train --jobs`, `bench` and `plan`, with workers that end when the test says so.</summary>
public sealed class WorkerPoolTests
{
    sealed class FakeWorker(string job) : IWorker
    {
        readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string Job { get; } = job;
        public Task Exited => completion.Task;
        public int ExitCode { get; private set; }
        public string? LastError { get; private set; }
        public bool Interrupted { get; private set; }

        public void End(int exitCode, string? lastError = null)
        {
            (ExitCode, LastError) = (exitCode, lastError);
            completion.TrySetResult();
        }

        public void Interrupt()
        {
            Interrupted = true;
            End(WorkerPool.InterruptedExit);
        }

        public void Dispose() { }
    }

    /// <summary>Runs the pool on a thread of its own; the started workers appear in <c>Started</c> as the pool starts them.</summary>
    sealed class PoolRun(IReadOnlyList<string> jobs, int slots, CancellationToken stop = default)
    {
        public readonly ConcurrentQueue<FakeWorker> Started = new();
        public readonly List<int> Ordinals = [];
        public Task<WorkerPoolOutcome<string>> Pool { get; private set; } = null!;

        public PoolRun Start()
        {
            Pool = Task.Run(() => WorkerPool.Run(jobs, slots, (job, ordinal) =>
            {
                var worker = new FakeWorker(job);
                lock (Ordinals) Ordinals.Add(ordinal);
                Started.Enqueue(worker);
                return worker;
            }, stop));
            return this;
        }

        public FakeWorker[] WaitForStarted(int count)
        {
            Assert.That(SpinWait.SpinUntil(() => Started.Count >= count, TimeSpan.FromSeconds(10)), $"{count} worker(s) should have started");
            Thread.Sleep(50);                                                   // room for a wrong extra start to show
            return [.. Started];
        }

        public WorkerPoolOutcome<string> Outcome()
        {
            Assert.That(Pool.Wait(TimeSpan.FromSeconds(10)), "the pool should have ended");
            return Pool.Result;
        }
    }

    [Test]
    public void RunsTheJobsInOrderOnAtMostTheSlotsAndRecordsThemAsTheyFinish()
    {
        var pool = new PoolRun(["a", "b", "c", "d"], slots: 2).Start();
        var started = pool.WaitForStarted(2);
        Assert.That(started.Select(w => w.Job), Is.EqualTo(new[] { "a", "b" }), "two slots, two workers");
        started[1].End(0);                                                      // b ends first: its slot takes c
        started = pool.WaitForStarted(3);
        Assert.That(started.Select(w => w.Job), Is.EqualTo(new[] { "a", "b", "c" }));
        started[0].End(0);
        started = pool.WaitForStarted(4);
        started[3].End(0);
        // Room for the pool to take d's end before c's: two workers that end in the same instant may be recorded in
        // slot order (c first), which made this assertion flaky when c ended microseconds after d.
        Thread.Sleep(200);
        started[2].End(0);
        var outcome = pool.Outcome();
        Assert.That(outcome.Succeeded, Is.EqualTo(new[] { "b", "a", "d", "c" }), "in the order they finished");
        Assert.That((outcome.Failed.Count, outcome.Interrupted, outcome.NotStarted), Is.EqualTo((0, false, 0)));
        Assert.That(pool.Ordinals, Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void AFailureStartsNoMoreJobsButWaitsForTheRunningOnes()
    {
        var pool = new PoolRun(["a", "b", "c", "d"], slots: 2).Start();
        var started = pool.WaitForStarted(2);
        started[0].End(3, "error: out of memory");
        Thread.Sleep(100);
        Assert.That(pool.Started, Has.Count.EqualTo(2), "no job starts after a failure");
        Assert.That(pool.Pool.IsCompleted, Is.False, "b is still running and is waited for");
        started[1].End(0);
        var outcome = pool.Outcome();
        Assert.That(outcome.Failed, Is.EqualTo(new[] { new WorkerFailure<string>("a", 3, "error: out of memory") }));
        Assert.That((outcome.Succeeded.Single(), outcome.NotStarted, outcome.Interrupted), Is.EqualTo(("b", 2, false)));
    }

    [Test]
    public void AStopInterruptsTheRunningWorkersAndStartsNoMore()
    {
        using var stop = new CancellationTokenSource();
        var pool = new PoolRun(["a", "b", "c"], slots: 2, stop.Token).Start();
        var started = pool.WaitForStarted(2);
        stop.Cancel();
        var outcome = pool.Outcome();
        Assert.That(started.All(w => w.Interrupted), "each running worker is interrupted");
        Assert.That((outcome.Interrupted, outcome.NotStarted, outcome.Succeeded.Count, outcome.Failed.Count), Is.EqualTo((true, 1, 0, 0)));
    }

    [Test]
    public void AWorkerInterruptedFromOutsideMarksThePoolInterrupted()
    {
        var pool = new PoolRun(["a", "b"], slots: 1).Start();
        pool.WaitForStarted(1)[0].End(WorkerPool.InterruptedExit);          // a SIGINT to that worker alone
        var second = pool.WaitForStarted(2)[1];
        second.End(0);
        var outcome = pool.Outcome();
        Assert.That((outcome.Interrupted, outcome.Succeeded.Single(), outcome.Failed.Count), Is.EqualTo((true, "b", 0)));
    }

    /// <summary>Twenty workers' identical start-up warning is relayed once, from whichever thread reads it first; other lines each once.</summary>
    [Test]
    public void EachDistinctWorkerLineIsRelayedOnce()
    {
        var lines = new FirstOccurrences();
        const string nnpack = "[W NNPACK.cpp:64] Could not initialize NNPACK! Reason: Unsupported hardware.";
        var firsts = new ConcurrentBag<string>();
        Parallel.For(0, 20, worker =>
        {
            foreach (var line in new[] { nnpack, $"notice: worker {worker}" })
                if (lines.IsFirst(line)) firsts.Add(line);
        });
        Assert.That(firsts.Count(l => l == nnpack), Is.EqualTo(1));
        Assert.That(firsts.Count(l => l.StartsWith("notice: worker ", StringComparison.Ordinal)), Is.EqualTo(20));
    }
}
