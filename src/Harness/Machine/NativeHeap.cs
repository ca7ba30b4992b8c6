using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>
/// Keeps glibc's malloc from handing libtorch's large activation buffers back to the kernel after every batch.
/// By default glibc serves blocks above a (moving) threshold with fresh mmaps and trims the heap top on free, so each
/// batch's activations and gradients (MBs each) are page-faulted in again: on fashion-cnn that was 2.8 M minor faults
/// and a third of the run spent in the kernel (docs/performance.md). With a fixed 32 MB mmap threshold (glibc's
/// maximum) and no trimming, freed blocks are reused from the heap. Process-wide; memory stays with the process
/// (peak RSS rises a little). Elsewhere than glibc on Linux it does nothing.
/// </summary>
public static class NativeHeap
{
    const int TrimThreshold = -1, MmapThreshold = -3;          // mallopt parameters (malloc.h)
    const int LargestMmapThreshold = 32 << 20;                 // HEAP_MAX_SIZE / 2 on 64-bit glibc

    static readonly Lazy<bool> applied = new(Apply);

    /// <summary>Applies the settings once per process; true when glibc accepted them.</summary>
    public static bool KeepFreedMemory() => applied.Value;

    /// <summary>Whether this process has asked for the settings yet.</summary>
    public static bool Applied => applied.IsValueCreated;

    static bool Apply()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return mallopt(MmapThreshold, LargestMmapThreshold) == 1 && mallopt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (EntryPointNotFoundException) { return false; }   // a C library without mallopt (e.g. some musl builds)
        catch (DllNotFoundException) { return false; }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    static extern int mallopt(int parameter, int value);
}
