using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The FP32 peak this machine reaches now, measured: on each of <c>threads</c> threads at once, twelve independent
/// chains of fused multiply-adds (enough to cover FMA latency × pipes on every x86 core in use), in 256-bit vectors
/// and, where the CPU accelerates them, 512-bit ones; the best of several timed repetitions. It includes the boost
/// clock the cores actually run at, which a peak from the nominal "cpu MHz" misses, and so bounds what any kernel
/// can reach: a "% of peak" against it is at most 100 % unless the measurement itself was disturbed.
/// </summary>
public sealed record FmaPeak(int Threads, double GFlops, int VectorBits, double GFlops256, double? GFlops512, int Repetitions)
{
    const int Chains = 12;
    static readonly Dictionary<int, FmaPeak> Measured = [];

    /// <summary>The peak at <paramref name="threads"/> threads, measured once per process (about half a second).</summary>
    public static FmaPeak For(int threads)
    {
        lock (Measured)
        {
            if (!Measured.TryGetValue(threads, out var peak)) Measured[threads] = peak = Measure(threads);
            return peak;
        }
    }

    /// <summary>"measured 301.2 GFLOP/s: FMA chains on 2 threads, 256-bit vectors (512-bit: 298.0), best of 5".</summary>
    public string Derivation => FormattableString.Invariant(
        $"measured {GFlops:0.0} GFLOP/s: {Chains} FMA chains per thread on {Threads} thread(s), best of {Repetitions}; 256-bit vectors {GFlops256:0.0}")
        + (GFlops512 is { } g ? FormattableString.Invariant($", 512-bit {g:0.0}") : ", no 512-bit vectors");

    /// <param name="iterations">FMA steps per chain and repetition (each does <c>Chains</c> vector FMAs).</param>
    public static FmaPeak Measure(int threads, int repetitions = 5, int iterations = 20_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        var g256 = Best(threads, repetitions, iterations, wide: false);
        double? g512 = Vector512.IsHardwareAccelerated ? Best(threads, repetitions, iterations, wide: true) : null;
        var (best, bits) = g512 is { } w && w > g256 ? (w, 512) : (g256, 256);
        return new FmaPeak(threads, best, bits, g256, g512, repetitions);
    }

    static double Best(int threads, int repetitions, int iterations, bool wide)
    {
        var lanes = wide ? Vector512<float>.Count : Vector256<float>.Count;
        Run(threads, iterations / 20, wide);                                 // warm-up: JIT, clocks up
        var best = 0.0;
        for (var r = 0; r < repetitions; r++)
        {
            var seconds = Run(threads, iterations, wide);
            best = Math.Max(best, 2.0 * lanes * Chains * iterations * threads / seconds / 1e9);
        }
        return best;
    }

    /// <summary>Seconds for <paramref name="threads"/> threads, started together, to each run the chains.</summary>
    static double Run(int threads, int iterations, bool wide)
    {
        using var start = new Barrier(threads + 1);
        var sink = new float[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            sink[t] = wide ? Chains512(iterations) : Chains256(iterations);
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        start.SignalAndWait();
        var clock = Stopwatch.StartNew();
        workers.ForEach(w => w.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        if (sink.Any(float.IsNaN)) throw new InvalidOperationException("the FMA chains produced NaN");
        return seconds;
    }

    // Twelve accumulators, each a chain acc = acc·m + a; m slightly below 1 keeps them finite. The sum is returned so
    // the chains cannot be optimised away. One copy per width: .NET 10 has no public generic vector interface
    // (ISimdVector is internal), and a loop over Vector<T> would take one width only.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static float Chains256(int iterations)
    {
        var m = Vector256.Create(0.999999f);
        var a = Vector256.Create(1e-6f);
        Vector256<float> c0 = Vector256.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (var i = 0; i < iterations; i++)
        {
            c0 = Vector256.FusedMultiplyAdd(c0, m, a); c1 = Vector256.FusedMultiplyAdd(c1, m, a);
            c2 = Vector256.FusedMultiplyAdd(c2, m, a); c3 = Vector256.FusedMultiplyAdd(c3, m, a);
            c4 = Vector256.FusedMultiplyAdd(c4, m, a); c5 = Vector256.FusedMultiplyAdd(c5, m, a);
            c6 = Vector256.FusedMultiplyAdd(c6, m, a); c7 = Vector256.FusedMultiplyAdd(c7, m, a);
            c8 = Vector256.FusedMultiplyAdd(c8, m, a); c9 = Vector256.FusedMultiplyAdd(c9, m, a);
            c10 = Vector256.FusedMultiplyAdd(c10, m, a); c11 = Vector256.FusedMultiplyAdd(c11, m, a);
        }
        return Vector256.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static float Chains512(int iterations)
    {
        var m = Vector512.Create(0.999999f);
        var a = Vector512.Create(1e-6f);
        Vector512<float> c0 = Vector512.Create(1f), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0, c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (var i = 0; i < iterations; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, m, a); c1 = Vector512.FusedMultiplyAdd(c1, m, a);
            c2 = Vector512.FusedMultiplyAdd(c2, m, a); c3 = Vector512.FusedMultiplyAdd(c3, m, a);
            c4 = Vector512.FusedMultiplyAdd(c4, m, a); c5 = Vector512.FusedMultiplyAdd(c5, m, a);
            c6 = Vector512.FusedMultiplyAdd(c6, m, a); c7 = Vector512.FusedMultiplyAdd(c7, m, a);
            c8 = Vector512.FusedMultiplyAdd(c8, m, a); c9 = Vector512.FusedMultiplyAdd(c9, m, a);
            c10 = Vector512.FusedMultiplyAdd(c10, m, a); c11 = Vector512.FusedMultiplyAdd(c11, m, a);
        }
        return Vector512.Sum(c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11);
    }
}
