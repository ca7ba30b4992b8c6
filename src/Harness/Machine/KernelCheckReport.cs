using System.Globalization;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The outcome of the kernel self-check for one setting (CPU, libtorch, threads, CPU kernels): every row under the
/// convolutions in force afterwards, and, when oneDNN's failed, the rows that failed with them. Those are then either
/// switched off, or, where <see cref="OneDnnCacheProblem"/> names what was wrong with the cache sizes oneDNN was given,
/// kept and made to block by oneDNN's own guessed sizes (<see cref="OneDnnCaches"/>).
/// </summary>
public sealed record KernelCheckReport(
    string Key,
    string Cpu,
    string LibTorch,
    int Threads,
    string CpuKernels,
    bool OneDnnConvolutions,
    IReadOnlyList<KernelCheckRow> Rows,
    IReadOnlyList<KernelCheckRow> OneDnnFailures,
    double Seconds,
    DateTimeOffset Checked,
    string? OneDnnCacheProblem = null)
{
    public bool Passed => Rows.Count > 0 && Rows.All(r => r.Passed);

    /// <summary>The row closest to (or furthest past) its tolerance.</summary>
    public KernelCheckRow Worst => Rows.MaxBy(r => double.IsNaN(r.RelativeError) ? double.PositiveInfinity : r.RelativeError / r.Tolerance)!;

    /// <summary>
    /// For provenance and notices, e.g. "passed: 301 of 301 outputs within tolerance of float64 (worst 1.1e-04 of 1e-3,
    /// Adam step …), 2 thread(s); oneDNN convolutions off: with them 12 output(s) failed, e.g. conv 10→10 7×7 on 7×7
    /// dX: relative error 1.0e+00". "oneDNN convolutions off" is in it whenever they were, "oneDNN on its own
    /// guessed cache sizes" whenever those were used.
    /// </summary>
    public string Summary
    {
        get
        {
            var verdict = string.Create(CultureInfo.InvariantCulture,
                $"{(Passed ? "passed" : "FAILED")}: {Rows.Count(r => r.Passed)} of {Rows.Count} outputs within tolerance of " +
                $"float64 (worst {Worst.RelativeError:0.0e+00} of {Worst.Tolerance:0e+0}, {Worst.Operation} {Worst.Quantity}), " +
                $"{Threads} thread(s)");
            var failed = OneDnnFailures.Count > 0 ? $"{OneDnnFailures.Count} output(s) failed, e.g. {OneDnnFailures[0].Describe()}" : null;
            var remedy = !OneDnnConvolutions ? "oneDNN convolutions off" + (failed is null ? $" ({OneDnn.Variable}=off)" : $": with them {failed}")
                : OneDnnCacheProblem is { } problem ? $"oneDNN on its own guessed cache sizes: {problem}" + (failed is null ? "" : $", with which {failed}")
                : null;
            return remedy is null ? verdict : $"{verdict}; {remedy}";
        }
    }
}
