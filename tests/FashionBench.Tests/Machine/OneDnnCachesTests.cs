using FashionBench.Harness;
using FashionBench.Harness.Machine;
using FashionBench.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Machine;

/// <summary>
/// The cache sizes oneDNN blocks by, and the Zen 5 fault they explain (docs/numerics.md): given an L1 of a few bytes,
/// oneDNN's small-channel convolutions compute wrong numbers; the self-check finds that, and oneDNN's own guessed sizes
/// mend it. The fault is made here on a sound CPU by giving oneDNN such an L1, as a VM's CPUID could.
/// </summary>
[NonParallelizable]
public class OneDnnCachesTests
{
    [SetUp]
    public void BundledLibTorchOnLinux()
    {
        if (!OperatingSystem.IsLinux() || LibTorchLoader.LoadedFrom is not null)
            Assert.Ignore("oneDNN's caches are read from the bundled libtorch_cpu.so's symbol table, on Linux");
    }

    [Test]
    public void OneDnnHoldsTheCachesCpuidReports()
    {
        var held = OneDnnCaches.Read();
        Assert.That(held, Is.Not.Null, OneDnnCaches.Unreachable);
        if (OneDnnCaches.GuessedBecause is { } why) Assert.Ignore($"oneDNN blocks by its own guessed sizes in this process ({why})");
        var cpuid = CpuCaches.Detect();
        if (cpuid.Levels.Count == 0) Assert.Ignore($"CPUID leaf {cpuid.Leaf} reports no caches here; oneDNN holds {held!.Count} level(s)");
        Assert.That(held!.Select(l => l.Bytes), Is.EqualTo(cpuid.Levels.Select(l => l.Bytes)),
            "Xbyak's sizes, read from oneDNN's object, are the ones this program reads from CPUID: the layout is right");
    }

    [Test]
    public void GivenAnL1OfOneByteOneDnnComputesWrongConvolutionsTheCheckFindsThemAndGuessedSizesMendThem()
    {
        var convolutions = KernelProbe.All([]).Where(p => p.Operation.StartsWith("conv ")).ToList();
        var (given, guessedBecause) = WithOneByteL1(_ =>
        {
            var faulty = KernelCheck.Run(convolutions).Where(r => !r.Passed).Select(r => $"{r.Operation} {r.Quantity}").ToList();
            Assert.That(faulty, Has.Some.StartsWith("conv 10→10 7×7").And.Some.Contains(" dX"),
                "the Zen 5 signature: the dense-as-convolution and small-channel input gradients go wrong");
            Assert.That(faulty, Has.None.Contains("dW"), "weight gradients stayed right on Zen 5 too");

            var report = KernelCheck.Check([ModelCatalog.Find("mnist-8k/model1")!]);
            Assert.That(report.Passed, Is.True, report.Summary);
            Assert.That(report.OneDnnFailures, Is.Not.Empty);
            Assert.That(report.OneDnnConvolutions, Is.True, "the remedy keeps oneDNN's convolutions, and their speed");
            Assert.That(report.OneDnnCacheProblem, Is.EqualTo($"{(OneDnnCaches.Injected ? OneDnnCaches.FaultVariable : "CPUID")} gave oneDNN a 1-byte L1"));
            Assert.That(report.Summary, Does.Contain($"; oneDNN on its own guessed cache sizes: {report.OneDnnCacheProblem}, with which "));
            Assert.That(OneDnnCaches.Read(), Is.Empty);
        });
        Assert.That(OneDnnCaches.Read(), Is.EqualTo(given));
        Assert.That(OneDnnCaches.GuessedBecause, Is.EqualTo(guessedBecause));
        var after = KernelCheck.Run(convolutions);
        Assert.That(after.All(r => r.Passed), "no kernel blocked by the one-byte L1 outlives it: " +
            string.Join("; ", after.Where(r => !r.Passed).Select(r => r.Describe())));
    }

    [Test]
    public void WhereGuessedSizesDoNotPassTheCachesArePutBackAndOneDnnIsSwitchedOff()
    {
        // Wrong whatever the kernels: no remedy can mend it, so every one is tried and undone in turn.
        var wrong = new KernelProbe("corrupted op", dtype => [ProbeOutput.Operation("forward", dtype == float32 ? zeros(3) : ones(3, dtype: dtype))]);
        WithOneByteL1(broken =>
        {
            var (rows, oneDnnFailures) = KernelCheck.RunWithRemedies([wrong]);
            Assert.That(oneDnnFailures.Single().Operation, Is.EqualTo("corrupted op"));
            Assert.That(rows.Single().Passed, Is.False, "nothing mends a wrong kernel outside oneDNN");
            Assert.That(OneDnnCaches.Read(), Is.EqualTo(broken), "the sizes oneDNN was given are put back …");
            Assert.That(OneDnnCaches.GuessedBecause, Is.Null);
            Assert.That(OneDnn.Enabled, Is.False, "… and its convolutions switched off, the last remedy");
        });
    }

    // Runs body with oneDNN's convolutions on and a 1-byte L1 (a sub-leaf typed "data cache", otherwise zero: the
    // Zen 5 fault), then puts back what the set-up left: the sizes oneDNN held, or its guessed sizes where the set-up
    // chose them, and its switch. Returns those.
    static (IReadOnlyList<CpuCache> Given, string? GuessedBecause) WithOneByteL1(Action<IReadOnlyList<CpuCache>> body)
    {
        var given = OneDnnCaches.Read() ?? throw new AssertionException($"oneDNN's caches cannot be read: {OneDnnCaches.Unreachable}");
        var (wasOn, guessedBecause) = (OneDnn.Enabled, OneDnnCaches.GuessedBecause);
        CpuCache[] broken = [new CpuCache(1, 1, 1), .. given.Skip(1)];
        try
        {
            OneDnn.Enable(true);
            OneDnnCaches.Write(broken);
            body(broken);
        }
        finally
        {
            if (guessedBecause is null) OneDnnCaches.Write(given);
            else OneDnnCaches.UseGuessedSizes(guessedBecause);
            OneDnn.Enable(wasOn);
        }
        return (given, guessedBecause);
    }

    [Test]
    public void TheFaultVariableTakesAByteCountAndRefusesAnythingElseInOneLine()
    {
        var saved = Environment.GetEnvironmentVariable(OneDnnCaches.FaultVariable);
        try
        {
            Environment.SetEnvironmentVariable(OneDnnCaches.FaultVariable, "64");
            Assert.That(OneDnnCaches.RequestedL1(), Is.EqualTo(64));
            Environment.SetEnvironmentVariable(OneDnnCaches.FaultVariable, "-1");
            Assert.That(() => OneDnnCaches.RequestedL1(), Throws.TypeOf<UserError>().With.Message
                .EqualTo("FASHIONBENCH_ONEDNN_L1: '-1' is not a byte count (e.g. 1, the fault seen on Zen 5)"));
            Environment.SetEnvironmentVariable(OneDnnCaches.FaultVariable, null);
            Assert.That(OneDnnCaches.RequestedL1(), Is.Null);
        }
        finally { Environment.SetEnvironmentVariable(OneDnnCaches.FaultVariable, saved); }
    }

    [Test]
    public void OnlyAnL1OfAFewBytesIsAProblemNoLevelsAtAllIsOneDnnsOwnGuess()
    {
        Assert.That(OneDnnCaches.Problem([new CpuCache(1, 0, 1), new CpuCache(2, 1 << 20, 1)]), Does.EndWith(" gave oneDNN a 0-byte L1"));
        Assert.That(OneDnnCaches.Problem([new CpuCache(1, 32 << 10, 1)]), Is.Null);
        Assert.That(OneDnnCaches.Problem([]), Is.Null);
    }
}
