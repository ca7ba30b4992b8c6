using FashionBench.Harness.Machine;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

public class TrainThroughputPeakTests
{
    // Two processors of this project's VM (abridged /proc/cpuinfo).
    const string Epyc = """
        processor	: 0
        model name	: AMD EPYC
        cpu MHz		: 2445.422
        physical id	: 0
        siblings	: 2
        core id		: 0
        cpu cores	: 2
        flags		: fpu sse sse2 avx fma avx2 bmi2

        processor	: 1
        model name	: AMD EPYC
        cpu MHz		: 2445.422
        physical id	: 0
        siblings	: 2
        core id		: 1
        cpu cores	: 2
        flags		: fpu sse sse2 avx fma avx2 bmi2
        """;

    [Test]
    public void Avx2PeakIsCoresTimes32FlopPerCycleTimesClock()
    {
        var peak = CpuPeak.Parse(Epyc, cores: 2)!;
        Assert.That(peak.FlopsPerCycle, Is.EqualTo(32));
        Assert.That(peak.GFlops, Is.EqualTo(2 * 32 * 2.445422).Within(1e-9));
        Assert.That(peak.Derivation, Is.EqualTo(
            "2 cores × 2 FMA units × 8 floats (AVX2+FMA) × 2 FLOP × 2.445 GHz = 156.5 GFLOP/s (AMD EPYC)"));
    }

    [Test]
    public void CoresAreCappedAtPhysicalCoresAndHyperThreadsDoNotCount()
    {
        var hyperThreaded = Epyc.Replace("core id		: 1", "core id		: 0").Replace("avx2", "avx2 avx512f");
        var peak = CpuPeak.Parse(hyperThreaded, cores: 8)!;
        Assert.That(peak.Cores, Is.EqualTo(1));
        Assert.That(peak.FloatsPerVector, Is.EqualTo(16));
        Assert.That(CpuPeak.Parse(Epyc, cores: 1)!.Cores, Is.EqualTo(1));
    }

    [Test]
    public void Zen4RunsAvx512OnHalfWidthPipesSoItsPeakIsThatOfAvx2()
    {
        var zen4 = Epyc.Replace("avx2", "avx2 avx512f").Replace("model name", "vendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\nmodel name");
        var peak = CpuPeak.Parse(zen4, cores: 2)!;
        Assert.That(peak.FloatsPerVector, Is.EqualTo(8));
        Assert.That(peak.Description, Is.EqualTo("AMD EPYC (family 25 model 17, AVX-512 on 256-bit pipes, Zen 4)"));
        Assert.That(CpuPeak.Parse(zen4.Replace("cpu family\t: 25", "cpu family\t: 26"), cores: 2)!.FloatsPerVector,
            Is.EqualTo(16), "Zen 5 has full-width AVX-512 pipes");
    }

    [Test]
    public void WithoutAClockThereIsNoPeak() =>
        Assert.That(CpuPeak.Parse("processor\t: 0\nmodel name\t: Some ARM\n", cores: 1), Is.Null);
}
