namespace FashionBench.Reports.Verdicts;

/// <summary>
/// What the probes of one claim that did not hold (or was inconclusive) found: the claim's own verdict, and each
/// probe's verdict on the same claim, summed up in the ReScience [¬Re] manner.
/// </summary>
public sealed record ProbeOutcome(ClaimVerdict Claim, IReadOnlyList<(string Change, ClaimVerdict Verdict)> Probes)
{
    /// <summary>
    /// "holds with X (n seeds)" when a probe held (", exceeding it" when its whole interval lies above the claim; the
    /// table shows by how much, so that a model's claims can share one conclusion); "no plausible choice reproduces it"
    /// only when every probe did not hold; otherwise "no probe held", with the probes that were inconclusive (the claim
    /// may hold with them: more seeds would tell) and those whose runs failed.
    /// </summary>
    public string Conclusion
    {
        get
        {
            var under = Claim.Verdict == Verdict.DidNotHold ? "did not hold under our choices" : "inconclusive under our choices";
            var held = Probes.Where(p => p.Verdict.Verdict == Verdict.Held).ToList();
            if (held.Count > 0) return $"{under}; holds with {Listed(held)}";
            if (Probes.All(p => p.Verdict.Verdict == Verdict.DidNotHold)) return $"{under}; no plausible choice reproduces it ({Probes.Count} tried)";
            var text = $"{under}; no probe held";
            var inconclusive = Probes.Where(p => p.Verdict.Verdict == Verdict.Inconclusive).ToList();
            if (inconclusive.Count > 0) text += $"; inconclusive with {Listed(inconclusive)}";
            var unjudged = Probes.Where(p => !p.Verdict.Judged).ToList();
            if (unjudged.Count > 0) text += "; " + string.Join("; ", unjudged.Select(p => $"{p.Change}: {p.Verdict.VerdictText}"));
            return text;
        }
    }

    static string Listed(IEnumerable<(string Change, ClaimVerdict Verdict)> probes) =>
        string.Join("; with ", probes.Select(p => $"{p.Change} ({p.Verdict.N} seeds{(p.Verdict.Exceeded ? ", exceeding it" : "")})"));

    /// <summary>
    /// The probed claims: every claim of a documented model that did not hold and has probe rows for it. A model none of
    /// whose claims did not hold has its inconclusive claims probed instead (the probe was declared when one did not),
    /// so that an inconclusive per-class claim beside a failed headline claim does not fill the table.
    /// </summary>
    public static IReadOnlyList<ProbeOutcome> Of(IReadOnlyList<ClaimVerdict> verdicts, Func<string, string> changeOf)
    {
        var documented = verdicts.Where(v => v.ProbeOf == "").ToList();
        bool AnyDidNotHold(ClaimVerdict v) => documented.Any(d => d.Model == v.Model && d.Device == v.Device && d.Verdict == Verdict.DidNotHold);
        return documented.Where(v => v.Verdict == Verdict.DidNotHold || v.Verdict == Verdict.Inconclusive && !AnyDidNotHold(v))
            .Select(v => new ProbeOutcome(v, verdicts
                .Where(p => p.ProbeOf == v.Model && p.Device == v.Device && p.Claim == v.Claim)
                .Select(p => (changeOf(p.Model), p)).ToList()))
            .Where(o => o.Probes.Count > 0)
            .ToList();
    }
}
