using FashionBench.Reports.Inputs;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>The FP32 peak derived from /proc/cpuinfo text.</summary>
public sealed class ReportBuilderCpuPeakTests
{
    /// <summary>One processor entry of /proc/cpuinfo; ids omitted when null.</summary>
    static string Entry(int processor, string mhz, int? physical, int? core) =>
        $"processor\t: {processor}\nvendor_id\t: GenuineIntel\nmodel name\t: Xeon Test\n"
        + (physical is { } p ? $"physical id\t: {p}\n" : "") + (core is { } c ? $"core id\t\t: {c}\n" : "")
        + $"cpu MHz\t\t: {mhz}\nflags\t\t: fpu avx2 fma\n\n";

    [Test]
    public void SmtSiblingsShareTheirCoreAndTheHighestClockIsUsed()
    {
        // Two sockets × two cores × two hardware threads; clocks differ per thread.
        var text = string.Concat(
            from socket in new[] { 0, 1 } from core in new[] { 0, 1 } from thread in new[] { 0, 1 }
            let processor = socket * 4 + core * 2 + thread
            select Entry(processor, processor == 5 ? "3100.000" : "2000.000", socket, core));
        var peak = CpuPeak.Parse(text)!;
        Assert.That(peak.PhysicalCores, Is.EqualTo(4));
        Assert.That(peak.Mhz, Is.EqualTo(3100.0));
        Assert.That(peak.Model, Is.EqualTo("Xeon Test"));
        Assert.That(peak.PeakGflops(threads: 8), Is.EqualTo(4 * 32 * 3.1).Within(1e-9), "8 threads on 4 cores still use 4 cores' FMA units");
        Assert.That(peak.PeakGflops(threads: 1), Is.EqualTo(32 * 3.1).Within(1e-9));
        Assert.That(peak.Derivation(2), Is.EqualTo("2 cores × 32 FLOP/cycle × 3.100 GHz = 198.4 GFLOP/s"));
        Assert.That(peak.Derivation(1), Does.StartWith("1 core × 32 FLOP/cycle"));
    }

    [Test]
    public void WithoutCoreIdsEachProcessorIsACore()
    {
        var peak = CpuPeak.Parse(Entry(0, "2445.422", null, null) + Entry(1, "2445.422", null, null) + Entry(2, "2445.422", null, null))!;
        Assert.That(peak.PhysicalCores, Is.EqualTo(3));
        Assert.That(peak.PeakGflops(3), Is.EqualTo(3 * 32 * 2.445422).Within(1e-9));
    }

    [Test]
    public void NoClockMeansNoPeak()
    {
        Assert.That(CpuPeak.Parse("processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\n"), Is.Null);
        Assert.That(CpuPeak.Parse(""), Is.Null);
    }

    [Test]
    public void ThisMachinesCpuInfoParsesWhereItExists()
    {
        if (!File.Exists(CpuPeak.CpuInfoPath)) Assert.Ignore($"{CpuPeak.CpuInfoPath} does not exist here");
        var peak = CpuPeak.ReadLocal();
        if (peak is null) Assert.Ignore($"{CpuPeak.CpuInfoPath} lists no 'cpu MHz' here");
        Assert.That(peak!.PhysicalCores, Is.InRange(1, Environment.ProcessorCount));
        Assert.That(peak.Mhz, Is.GreaterThan(100));
    }
}
