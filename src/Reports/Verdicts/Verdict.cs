namespace FashionBench.Reports.Verdicts;

/// <summary>
/// What became of one documented number set against a model's runs. The first three are the outcomes of the
/// interval rule (<see cref="ClaimJudge"/>); the rest say why there is no such outcome.
/// </summary>
public enum Verdict
{
    /// <summary>The interval over seeds lies at or above the claim's line (documented − rounding, or past its bound).</summary>
    Held,
    /// <summary>The interval lies wholly below the line.</summary>
    DidNotHold,
    /// <summary>The interval straddles the line: these seeds cannot tell.</summary>
    Inconclusive,
    /// <summary>A run diverged or collapsed (its own row, with the cause); a claim with no healthy run left has no verdict.</summary>
    RunFailed,
    /// <summary>The write-up's own numbers or architecture make the claim impossible (the catalogue's contradiction notes).</summary>
    Contradicted,
    /// <summary>A claim exists but these runs cannot test it (e.g. a smoke profile trained 1 of 20 epochs).</summary>
    NotComparable,
    /// <summary>The write-up gives no number for this; not a claim.</summary>
    NothingDocumented,
    /// <summary>A documented number shown beside its measurement without a verdict, for the reason given (a loss).</summary>
    Reported,
}
