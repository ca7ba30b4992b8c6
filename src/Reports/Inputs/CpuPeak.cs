using System.Globalization;

namespace FashionBench.Reports.Inputs;

/// <summary>
/// Theoretical FP32 peak of a CPU from /proc/cpuinfo: cores × 32 FLOP/cycle × clock. 32 FLOP/cycle is two 256-bit
/// FMA units × 8 float lanes × 2 FLOP (multiply and add) per core, the AVX2 figure of current x86 server cores.
/// The clock is the highest 'cpu MHz' listed; cores are distinct (physical id, core id) pairs (SMT siblings share
/// their core's FMA units), or the processor entries when those ids are absent.
/// </summary>
public sealed record CpuPeak(string Model, int PhysicalCores, double Mhz)
{
    public const int FlopsPerCycle = 32;
    public const string CpuInfoPath = "/proc/cpuinfo";

    /// <summary>This machine's peak, or null where /proc/cpuinfo is missing or names no clock.</summary>
    public static CpuPeak? ReadLocal() => File.Exists(CpuInfoPath) ? Parse(File.ReadAllText(CpuInfoPath)) : null;

    public static CpuPeak? Parse(string cpuinfo)
    {
        var processors = cpuinfo.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(Fields).Where(f => f.ContainsKey("processor")).ToList();
        var clocks = processors.Select(p => p.GetValueOrDefault("cpu MHz"))
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) ? mhz : 0)
            .Where(mhz => mhz > 0).ToList();
        if (clocks.Count == 0) return null;
        var withIds = processors.Where(p => p.ContainsKey("physical id") && p.ContainsKey("core id")).ToList();
        var cores = withIds.Count == processors.Count
            ? withIds.Select(p => (p["physical id"], p["core id"])).Distinct().Count()
            : processors.Count;
        return new CpuPeak(processors[0].GetValueOrDefault("model name") ?? "unknown CPU", cores, clocks.Max());
    }

    /// <summary>Cores a run with <paramref name="threads"/> intra-op threads can keep busy.</summary>
    public int CoresFor(int threads) => Math.Clamp(threads, 1, PhysicalCores);

    public double PeakGflops(int threads) => CoresFor(threads) * FlopsPerCycle * Mhz / 1000;

    /// <summary>"2 cores × 32 FLOP/cycle × 2.445 GHz = 156.5 GFLOP/s".</summary>
    public string Derivation(int threads) => string.Create(CultureInfo.InvariantCulture,
        $"{CoresFor(threads)} core{(CoresFor(threads) == 1 ? "" : "s")} × {FlopsPerCycle} FLOP/cycle × {Mhz / 1000:0.000} GHz = {PeakGflops(threads):0.0} GFLOP/s");

    private static Dictionary<string, string> Fields(string block)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in block.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        return fields;
    }
}
