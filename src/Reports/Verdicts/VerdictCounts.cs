namespace FashionBench.Reports.Verdicts;

/// <summary>
/// The title page's tally, by outcome and taxonomy: claims judged (held, did not hold, inconclusive), failed runs,
/// claims the write-up contradicts, claims these runs cannot test, and documented numbers reported without a verdict.
/// Rows with nothing documented are not claims and are not counted.
/// </summary>
public sealed record VerdictCounts(int Held, int DidNotHold, int Inconclusive, int RunFailed, int Contradicted, int NotComparable, int Reported)
{
    /// <summary>Documented claims set against runs: everything counted except the numbers only reported.</summary>
    public int Claims => Held + DidNotHold + Inconclusive + RunFailed + Contradicted + NotComparable;

    public static VerdictCounts Of(IEnumerable<ClaimVerdict> verdicts)
    {
        var list = verdicts.ToList();
        int Count(Verdict v) => list.Count(r => r.Verdict == v);
        return new VerdictCounts(Count(Verdict.Held), Count(Verdict.DidNotHold), Count(Verdict.Inconclusive), Count(Verdict.RunFailed),
            Count(Verdict.Contradicted), Count(Verdict.NotComparable), Count(Verdict.Reported));
    }
}
