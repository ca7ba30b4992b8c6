namespace FashionBench.Reports.Verdicts;

/// <summary>The title page's tally: documented claims that held, did not hold, or had nothing to compare; numbers shown but not judged apart.</summary>
public sealed record VerdictCounts(int Held, int DidNotHold, int NothingToCompare, int NotJudged)
{
    public static VerdictCounts Of(IEnumerable<ClaimVerdict> verdicts)
    {
        var list = verdicts.ToList();
        return new VerdictCounts(
            list.Count(v => v.Verdict == Verdict.Held),
            list.Count(v => v.Verdict == Verdict.DidNotHold),
            list.Count(v => v.NothingToCompare),
            list.Count(v => v.Verdict == Verdict.NotJudged));
    }
}
