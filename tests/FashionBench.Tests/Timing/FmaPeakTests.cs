using FashionBench.Harness.Machine;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

/// <summary>The measured FP32 peak is a real measurement: positive, consistent with its widths, and reused per process.</summary>
public sealed class FmaPeakTests
{
    [Test]
    public void TheMeasuredPeakIsTheBetterOfItsVectorWidths()
    {
        var peak = FmaPeak.Measure(threads: 1, repetitions: 2, iterations: 2_000_000);
        Assert.That(peak.GFlops256, Is.GreaterThan(1), "an FMA loop reaches more than 1 GFLOP/s on any x86-64 core");
        Assert.That(peak.GFlops, Is.EqualTo(Math.Max(peak.GFlops256, peak.GFlops512 ?? 0)));
        Assert.That(peak.VectorBits, Is.EqualTo(peak.GFlops512 > peak.GFlops256 ? 512 : 256));
        Assert.That(peak.Derivation, Does.StartWith("measured ").And.Contain("1 thread(s)"));
    }

    [Test]
    public void APeakIsMeasuredOncePerThreadCount() =>
        Assert.That(FmaPeak.For(1), Is.SameAs(FmaPeak.For(1)));

    [Test]
    public void ThreadsMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FmaPeak.Measure(0));
}
