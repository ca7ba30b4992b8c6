using System.Runtime.Intrinsics.X86;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The data caches as CPUID reports them, this program's own reading of the leaf Xbyak reads for oneDNN: on AMD leaf
/// 0x8000001D, on Intel leaf 4, one sub-leaf per cache. A VM may hide them; what oneDNN then holds (no levels: its
/// guessed sizes; an L1 of a few bytes: wrong convolutions) is <see cref="OneDnnCaches"/>'s to read
/// (docs/numerics.md). Also whether Linux lists any cache in sysfs (`lscpu` shows none when it does not).
/// </summary>
public sealed record CpuCaches(string Vendor, string Leaf, IReadOnlyList<CpuCache> Levels, bool SysfsListsCaches)
{
    public static CpuCaches Detect()
    {
        var sysfs = Directory.Exists("/sys/devices/system/cpu/cpu0/cache/index0");
        if (!X86Base.IsSupported) return new("not x86", "none", [], sysfs);
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        var vendor = string.Concat(new[] { ebx, edx, ecx }.Select(r => string.Concat(BitConverter.GetBytes(r).Select(b => (char)b))));
        var amd = vendor == "AuthenticAMD";
        var leaf = amd ? unchecked((int)0x8000001D) : 4;
        var maxLeaf = amd ? X86Base.CpuId(unchecked((int)0x80000000), 0).Eax : X86Base.CpuId(0, 0).Eax;
        var levels = new List<CpuCache>();
        if (unchecked((uint)maxLeaf >= (uint)leaf))
            for (var sub = 0; sub < 16; sub++)
            {
                var (a, b, c, _) = X86Base.CpuId(leaf, sub);
                var type = a & 0x1F;                                      // 0 none, 1 data, 2 instruction, 3 unified
                if (type == 0) break;
                if (type == 2) continue;
                long ways = ((b >> 22) & 0x3FF) + 1, partitions = ((b >> 12) & 0x3FF) + 1, line = (b & 0xFFF) + 1;
                var sets = (long)(uint)c + 1;
                levels.Add(new CpuCache((a >> 5) & 0x7, ways * partitions * line * sets, ((a >> 14) & 0xFFF) + 1));
            }
        return new(vendor, $"0x{leaf:X}", levels, sysfs);
    }

    /// <summary>Why these caches would mislead a library that sizes its blocking by them; null when they look sane.</summary>
    public string? Problem =>
        Levels.Count == 0 ? $"CPUID leaf {Leaf} reports no data caches"
        : Levels.FirstOrDefault(l => l.Bytes < OneDnnCaches.SmallestSoundL1) is { } tiny ? $"CPUID leaf {Leaf} reports an L{tiny.Level} of {tiny.Bytes} bytes"
        : null;
}

/// <summary>One data or unified cache: its level, size and how many logical processors share it.</summary>
public sealed record CpuCache(int Level, long Bytes, int SharedBy);
