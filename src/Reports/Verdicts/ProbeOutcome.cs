namespace FashionBench.Reports.Verdicts;

/// <summary>
/// What the probes of one claim that did not hold (or was inconclusive) found: the claim's own verdict, and each
/// probe's verdict on the same claim, summed up in the ReScience [¬Re] manner.
/// </summary>
public sealed record ProbeOutcome(ClaimVerdict Claim, IReadOnlyList<(string Change, ClaimVerdict Verdict)> Probes)
{
    /// <summary>
    /// "holds with X (n seeds)" when a probe held; "no plausible choice reproduces it" when every probe was judged and
    /// none held; otherwise "the probes are inconclusive".
    /// </summary>
    public string Conclusion
    {
        get
        {
            var held = Probes.Where(p => p.Verdict.Verdict == Verdict.Held).ToList();
            var under = Claim.Verdict == Verdict.DidNotHold ? "did not hold under our choices" : "inconclusive under our choices";
            if (held.Count > 0) return $"{under}; holds with " + string.Join("; with ", held.Select(p => $"{p.Change} ({p.Verdict.N} seeds)"));
            return Probes.All(p => p.Verdict.Judged) ? $"{under}; no plausible choice reproduces it ({Probes.Count} tried)" : $"{under}; the probes are inconclusive";
        }
    }

    /// <summary>Every claim of a documented model that did not hold or was inconclusive and has probe rows for it.</summary>
    public static IReadOnlyList<ProbeOutcome> Of(IReadOnlyList<ClaimVerdict> verdicts, Func<string, string> changeOf) =>
        verdicts.Where(v => v.ProbeOf == "" && v.Verdict is Verdict.DidNotHold or Verdict.Inconclusive)
            .Select(v => new ProbeOutcome(v, verdicts
                .Where(p => p.ProbeOf == v.Model && p.Device == v.Device && p.Claim == v.Claim)
                .Select(p => (changeOf(p.Model), p)).ToList()))
            .Where(o => o.Probes.Count > 0)
            .ToList();
}
