namespace FashionBench.Harness.Machine;

/// <summary>
/// One output of one probe: its float32 value against the float64 value on the same inputs (NaN when float32 went
/// non-finite), judged as its <see cref="ProbeOutput"/> says, and whether two identical float32 calls agreed bit for bit.
/// </summary>
public sealed record KernelCheckRow(string Operation, string Quantity, bool Normwise, double Tolerance, double RelativeError, bool Repeatable)
{
    public bool Passed => Repeatable && RelativeError <= Tolerance;        // false for NaN

    /// <summary>"conv 10→10 7×7 on 7×7 dX: relative error 1.0e+00" — what a one-line refusal names.</summary>
    public string Describe() => FormattableString.Invariant(
        $"{Operation} {Quantity}: relative error {RelativeError:0.0e+00}{(Normwise ? " in norm" : "")}{(Repeatable ? "" : ", and two identical calls disagreed")}");
}
