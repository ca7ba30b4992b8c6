using System.Globalization;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The CPU's theoretical FP32 peak, derived from /proc/cpuinfo: cores × FMA units × floats per vector × 2 FLOP (a
/// fused multiply-add) × clock. Two FMA pipes are assumed (every AVX2/AVX-512 core from Haswell and Zen on has two);
/// the vector width is 16 floats with avx512f, 8 with avx2+fma, 4 otherwise (SSE, separate mul and add: still 2 FLOP
/// per lane per cycle on two pipes). AMD family 25 (Zen 3/Zen 4) is the exception: Zen 4 decodes AVX-512 but runs each
/// 512-bit FMA as two halves on its 256-bit pipes, so its peak is that of AVX2. The clock is the mean "cpu MHz" of the
/// cores, i.e. their current, not turbo, speed.
/// </summary>
public sealed record CpuPeak(string Model, int Cores, double ClockGHz, string Isa, int FloatsPerVector, string Family = "")
{
    public const int FmaUnits = 2;

    /// <summary>FP32 FLOP per cycle per core.</summary>
    public int FlopsPerCycle => FmaUnits * FloatsPerVector * 2;

    public double GFlops => Cores * FlopsPerCycle * ClockGHz;

    /// <summary>E.g. "2 cores × 2 FMA units × 8 floats (AVX2+FMA) × 2 FLOP × 2.445 GHz = 156.5 GFLOP/s (AMD EPYC)".</summary>
    public string Derivation => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores × {FmaUnits} FMA units × {FloatsPerVector} floats ({Isa}) × 2 FLOP × {ClockGHz:0.000} GHz = {GFlops:0.0} GFLOP/s ({Model})");

    /// <summary>
    /// E.g. "AMD EPYC (family 25 model 17, AVX-512 on 256-bit pipes, Zen 4)". Two VMs both called "AMD EPYC" may be a
    /// Zen 3 and a Zen 4, and libtorch's kernels (so the last bits of every result) follow the vector ISA.
    /// </summary>
    public string Description => Family.Length > 0 ? $"{Model} ({Family}, {Isa})" : $"{Model} ({Isa})";

    /// <summary>
    /// Peak of <paramref name="cores"/> cores (capped at the physical cores listed) of the CPU described by
    /// <paramref name="cpuinfo"/>, the text of /proc/cpuinfo; null when it names no clock.
    /// </summary>
    public static CpuPeak? Parse(string cpuinfo, int cores)
    {
        var entries = cpuinfo.Split('\n').Select(line => line.Split(':', 2)).Where(p => p.Length == 2)
            .Select(p => (Key: p[0].Trim(), Value: p[1].Trim())).ToList();
        string? First(string key) => entries.FirstOrDefault(e => e.Key == key).Value;
        var clocks = entries.Where(e => e.Key == "cpu MHz")
            .Select(e => double.TryParse(e.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz) ? mhz : 0)
            .Where(mhz => mhz > 0).ToList();
        if (clocks.Count == 0) return null;

        var flags = (First("flags") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var family = First("cpu family");
        var zen3Or4 = First("vendor_id") == "AuthenticAMD" && family == "25";
        var (isa, floats) = flags.Contains("avx512f") ? (zen3Or4 ? ("AVX-512 on 256-bit pipes, Zen 4", 8) : ("AVX-512", 16))
            : flags.Contains("avx2") && flags.Contains("fma") ? ("AVX2+FMA", 8)
            : ("SSE", 4);
        return new CpuPeak(First("model name") ?? "unknown CPU", Math.Clamp(cores, 1, PhysicalCores(entries, clocks.Count)),
            clocks.Average() / 1000, isa, floats, family is null ? "" : $"family {family} model {First("model")}");
    }

    /// <summary>This machine's peak for <paramref name="cores"/> cores; null when /proc/cpuinfo is absent or has no clock.</summary>
    public static CpuPeak? Detect(int cores)
    {
        const string path = "/proc/cpuinfo";
        return File.Exists(path) ? Parse(File.ReadAllText(path), cores) : null;
    }

    // Distinct (physical id, core id) pairs: hyper-threads share their core's FMA units. Without them, every
    // listed processor counts as a core.
    static int PhysicalCores(List<(string Key, string Value)> entries, int processors)
    {
        var pairs = new HashSet<(string, string)>();
        string package = "0";
        foreach (var (key, value) in entries)
        {
            if (key == "physical id") package = value;
            else if (key == "core id") pairs.Add((package, value));
        }
        return pairs.Count > 0 ? pairs.Count : processors;
    }
}
