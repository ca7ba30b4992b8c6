using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Verdicts;

/// <summary>
/// One documented claim judged against one run: a row of verdicts.csv. Accuracies and F1 scores are fractions,
/// tolerances too (the largest shortfall still accepted); null where there is no number.
/// </summary>
public sealed record ClaimVerdict
{
    [Name("run_id")] public string RunId { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("seed")] public long Seed { get; init; }
    [Name("claim")] public string Claim { get; init; } = "";
    [Name("documented")] public double? Documented { get; init; }
    [Name("measured")] public double? Measured { get; init; }
    [Name("tolerance")] public double? Tolerance { get; init; }
    [Name("verdict")] public string VerdictText => Verdict switch
    {
        Verdict.Held => "held",
        Verdict.DidNotHold => "did not hold",
        Verdict.NotComparable => $"not comparable ({Reason})",
        Verdict.NotJudged => "not judged",
        _ => "nothing documented",
    };

    /// <summary>Why a claim is not comparable, in a word or two ("profile").</summary>
    [Name("note")] public string Reason { get; init; } = "";

    [Ignore] public Verdict Verdict { get; init; }
    [Ignore] public ClaimUnit Unit { get; init; }

    /// <summary>Written before the documented value: "~" (approximate), "<" (upper bound), ">" (lower bound) or "".</summary>
    [Ignore] public string Qualifier { get; init; } = "";

    /// <summary>Not comparable and nothing documented count together as "nothing to compare" in the summary.</summary>
    [Ignore] public bool NothingToCompare => Verdict is Verdict.NotComparable or Verdict.NothingDocumented;
}
