using System.Globalization;

namespace FashionBench.Harness.Machine;

/// <summary>
/// The outcome of the kernel self-check for one setting (CPU, libtorch, threads, CPU kernels): every row under the
/// convolutions in force afterwards, and, when oneDNN's had to be switched off, the rows that failed with them.
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
    DateTimeOffset Checked)
{
    public bool Passed => Rows.Count > 0 && Rows.All(r => r.Passed);

    /// <summary>The row closest to (or furthest past) its tolerance.</summary>
    public KernelCheckRow Worst => Rows.MaxBy(r => double.IsNaN(r.RelativeError) ? double.PositiveInfinity : r.RelativeError / r.Tolerance)!;

    /// <summary>
    /// For provenance and notices, e.g. "passed: 301 of 301 outputs within tolerance of float64 (worst 1.1e-04 of 1e-3,
    /// Adam step …), 2 thread(s); oneDNN convolutions off: with them 12 output(s) failed, e.g. conv 10→10 7×7 on 7×7
    /// dX: relative error 1.0e+00". "oneDNN convolutions off" is in it whenever they were.
    /// </summary>
    public string Summary
    {
        get
        {
            var verdict = string.Create(CultureInfo.InvariantCulture,
                $"{(Passed ? "passed" : "FAILED")}: {Rows.Count(r => r.Passed)} of {Rows.Count} outputs within tolerance of " +
                $"float64 (worst {Worst.RelativeError:0.0e+00} of {Worst.Tolerance:0e+0}, {Worst.Operation} {Worst.Quantity}), " +
                $"{Threads} thread(s)");
            return OneDnnFailures.Count > 0
                ? $"{verdict}; oneDNN convolutions off: with them {OneDnnFailures.Count} output(s) failed, e.g. {OneDnnFailures[0].Describe()}"
                : OneDnnConvolutions ? verdict : $"{verdict}; oneDNN convolutions off ({OneDnn.Variable}=off)";
        }
    }
}
