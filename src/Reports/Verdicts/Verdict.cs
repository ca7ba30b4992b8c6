namespace FashionBench.Reports.Verdicts;

/// <summary>What became of one documented number when set against a run.</summary>
public enum Verdict
{
    /// <summary>Measured within the claim's tolerance (or past its bound).</summary>
    Held,
    DidNotHold,
    /// <summary>A claim exists but this run cannot test it (e.g. a smoke profile trained 1 of 20 epochs).</summary>
    NotComparable,
    /// <summary>The write-up gives no number for this.</summary>
    NothingDocumented,
    /// <summary>A documented number with no rule to judge it (validation loss, training accuracy, epoch time): shown beside the measurement only.</summary>
    NotJudged,
}
