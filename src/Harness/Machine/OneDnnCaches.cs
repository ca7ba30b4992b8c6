using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The data caches oneDNN sizes its kernels' blocking by, as oneDNN holds them: the cache fields of the
/// <c>Xbyak::util::Cpu</c> behind <c>dnnl::impl::cpu::x64::cpu()</c>, which Xbyak fills from CPUID the first time
/// oneDNN asks (on AMD from leaf 0x8000001D, or from 0x80000005/6 where that leaf is absent). oneDNN 3.7 (libtorch
/// 2.10) computes wrong small-channel convolutions when that L1 is a few bytes, and blocks by its own guessed sizes
/// when it holds no levels at all (docs/numerics.md). The object is a local symbol, found through libtorch_cpu.so's
/// symbol table, and trusted only where its family and model fields agree with CPUID, i.e. where this build lays it
/// out as below.
/// </summary>
public static class OneDnnCaches
{
    /// <summary>An L1 below this (per core) is what broke oneDNN's convolutions: 64 bytes did, 96 did not.</summary>
    public const long SmallestSoundL1 = 4096;

    /// <summary>
    /// A byte count: oneDNN is given an L1 of that size before the kernel self-check, as a VM's CPUID could give it.
    /// It reproduces the Zen 5 fault on any machine, to see the check catch it and its remedy mend it.
    /// </summary>
    public const string FaultVariable = "FASHIONBENCH_ONEDNN_L1";

    // Xbyak::util::Cpu (144 bytes) in 4-byte words: dataCacheSize_[10] from word 7, coresSharingDataCache_[10] from
    // 17, dataCacheLevels_ at 27, displayFamily and displayModel at 34 and 35.
    const int SizeWord = 7, SharingWord = 17, LevelsWord = 27, FamilyWord = 34, ModelWord = 35, ObjectBytes = 144, MaxLevels = 10;

    const string CpuObject = "_ZZN4dnnl4impl3cpu3x643cpuEvE4cpu_";              // cpu()'s static Xbyak::util::Cpu
    const string FillCpuObject = "dnnl_get_effective_cpu_isa";                     // calls cpu(); builds no primitive
    const string GetCapacity = "dnnl_get_primitive_cache_capacity", SetCapacity = "dnnl_set_primitive_cache_capacity";
    const string Exported = "_ZN2at13globalContextEv";                             // checks where the library is mapped

    sealed record Location(IntPtr Cpu, IntPtr GetCapacity, IntPtr SetCapacity);

    static readonly Lazy<(Location? Found, string? Why)> Located = new(Locate);

    /// <summary>Why oneDNN's caches cannot be read or set in this process; null when they can.</summary>
    public static string? Unreachable => Located.Value.Why;

    /// <summary>
    /// Why this process's oneDNN blocks by its own guessed sizes (<see cref="UseGuessedSizes"/>), e.g. "CPUID gave
    /// oneDNN a 1-byte L1"; null while it uses the sizes it was given.
    /// </summary>
    public static string? GuessedBecause { get; private set; }

    /// <summary>The levels oneDNN holds, as Xbyak computed them (bytes, and how many cores share each); null when unreachable.</summary>
    public static IReadOnlyList<CpuCache>? Read()
    {
        if (Located.Value.Found is not { } at) return null;
        int Word(int i) => Marshal.ReadInt32(at.Cpu, 4 * i);
        return [.. Enumerable.Range(0, Word(LevelsWord)).Select(i => new CpuCache(i + 1, (uint)Word(SizeWord + i), Word(SharingWord + i)))];
    }

    /// <summary>What in <paramref name="levels"/> makes oneDNN's convolutions wrong, and who gave it; null when nothing does.</summary>
    public static string? Problem(IReadOnlyList<CpuCache> levels) =>
        levels.Count > 0 && levels[0].Bytes / Math.Max(1, levels[0].SharedBy) < SmallestSoundL1
            ? string.Create(CultureInfo.InvariantCulture, $"{(Injected ? FaultVariable : "CPUID")} gave oneDNN a {levels[0].Bytes}-byte L1") : null;

    /// <summary>Whether <see cref="FaultVariable"/> gave this process's oneDNN its L1.</summary>
    public static bool Injected { get; private set; }

    /// <summary>The L1 <see cref="FaultVariable"/> asks for; null when unset. Fails with one line on anything but a byte count.</summary>
    public static long? RequestedL1() =>
        Environment.GetEnvironmentVariable(FaultVariable) is not { Length: > 0 } value ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes <= int.MaxValue ? bytes
        : throw new UserError($"{FaultVariable}: '{value}' is not a byte count (e.g. 1, the fault seen on Zen 5)");

    /// <summary>Gives oneDNN the L1 <see cref="FaultVariable"/> asks for, once per process; fails with one line where its caches cannot be reached.</summary>
    public static void InjectFromEnvironment()
    {
        if (Injected || RequestedL1() is not { } bytes) return;
        var held = Read() ?? throw new UserError($"{FaultVariable}: oneDNN's cache sizes cannot be set: {Unreachable}");
        Write([new CpuCache(1, bytes, 1), .. held.Skip(1)]);
        Injected = true;
    }

    /// <summary>
    /// Makes oneDNN hold <paramref name="levels"/> (none: it then blocks by its own guessed sizes) and empties its
    /// primitive cache, so that no kernel blocked by the old sizes is used again.
    /// </summary>
    public static unsafe void Write(IReadOnlyList<CpuCache> levels)
    {
        var at = Located.Value.Found ?? throw new InvalidOperationException($"oneDNN's cache sizes cannot be set: {Unreachable}");
        if (levels.Count > MaxLevels) throw new ArgumentException($"at most {MaxLevels} levels", nameof(levels));
        for (var i = 0; i < levels.Count; i++)
        {
            Marshal.WriteInt32(at.Cpu, 4 * (SizeWord + i), checked((int)levels[i].Bytes));
            Marshal.WriteInt32(at.Cpu, 4 * (SharingWord + i), levels[i].SharedBy);
        }
        Marshal.WriteInt32(at.Cpu, 4 * LevelsWord, levels.Count);
        int capacity;
        if (((delegate* unmanaged<int*, int>)at.GetCapacity)(&capacity) != 0
            || ((delegate* unmanaged<int, int>)at.SetCapacity)(0) != 0 || ((delegate* unmanaged<int, int>)at.SetCapacity)(capacity) != 0)
            throw new InvalidOperationException("oneDNN refused to empty its primitive cache");
        GuessedBecause = null;
    }

    /// <summary>Makes oneDNN block by its own guessed cache sizes, <paramref name="because"/>; false where its caches cannot be reached.</summary>
    public static bool UseGuessedSizes(string because)
    {
        if (Located.Value.Found is null) return false;
        Write([]);
        GuessedBecause = because;
        return true;
    }

    static unsafe (Location?, string?) Locate()
    {
        if (!OperatingSystem.IsLinux() || !X86Base.IsSupported) return (null, "only on x86-64 Linux");
        _ = TorchSharp.torch.get_num_threads();                                   // loads libtorch if nothing has yet
        if (DynamicLinker.Mapped("libtorch_cpu.so") is not var (path, start)) return (null, "libtorch_cpu.so is not mapped in this process");
        var symbols = ElfSymbols.Find(path, [CpuObject, FillCpuObject, GetCapacity, SetCapacity, Exported]);
        if (symbols.Count < 5) return (null, $"{path} has no symbol table naming oneDNN's CPU object");
        if (symbols[CpuObject].Size != ObjectBytes) return (null, $"oneDNN's CPU object is {symbols[CpuObject].Size} bytes, not the {ObjectBytes} this reads");
        IntPtr Address(string name) => start + (nint)symbols[name].Value;
        if (!NativeLibrary.TryLoad(path, out var handle) || !NativeLibrary.TryGetExport(handle, Exported, out var exported) || exported != Address(Exported))
            return (null, $"{path} is not mapped where its symbol table says");
        _ = ((delegate* unmanaged<int>)Address(FillCpuObject))();
        var cpu = Address(CpuObject);
        var (family, model) = FamilyAndModel();
        if (Marshal.ReadInt32(cpu, 4 * FamilyWord) != family || Marshal.ReadInt32(cpu, 4 * ModelWord) != model
            || (uint)Marshal.ReadInt32(cpu, 4 * LevelsWord) > MaxLevels)
            return (null, "oneDNN's CPU object is not laid out as this reads it (its family and model disagree with CPUID)");
        return (new Location(cpu, Address(GetCapacity), Address(SetCapacity)), null);
    }

    // CPUID leaf 1's family and model as Xbyak combines them (displayFamily, displayModel).
    static (int Family, int Model) FamilyAndModel()
    {
        var eax = X86Base.CpuId(1, 0).Eax;
        int baseFamily = (eax >> 8) & 0xF, model = (eax >> 4) & 0xF;
        if (baseFamily is 6 or 0xF) model += ((eax >> 16) & 0xF) << 4;
        return (baseFamily == 0xF ? baseFamily + ((eax >> 20) & 0xFF) : baseFamily, model);
    }
}
