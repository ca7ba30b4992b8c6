using CsvHelper.Configuration.Attributes;

namespace FashionBench.Reports.Verdicts;

/// <summary>
/// One documented claim judged against one model's runs on one device: a row of verdicts.csv. Accuracies, F1 scores,
/// rounding, standard deviations and interval ends are fractions; null where there is no number. The columns carry
/// the whole rule: n seeds, their mean, the seed spread (own or borrowed), the test-set sampling spread, the degrees
/// of freedom and the t quantile of the 95 % interval, and the line the interval is set against.
/// </summary>
public sealed record ClaimVerdict
{
    [Name("write_up")] public string WriteUp { get; init; } = "";
    [Name("model")] public string Model { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    /// <summary>For a probe's row, the model whose claim it probes; empty for a documented model.</summary>
    [Name("probe_of")] public string ProbeOf { get; init; } = "";
    [Name("claim")] public string Claim { get; init; } = "";
    [Name("kind")] public string KindText => Kind.ToString().ToLowerInvariant();
    [Name("documented")] public double? Documented { get; init; }
    /// <summary>Half a unit of the documented number's last printed digit.</summary>
    [Name("rounding")] public double? Rounding { get; init; }
    /// <summary>What the interval is set against: documented − rounding, or the bound.</summary>
    [Name("line")] public double? Line { get; init; }
    [Name("n")] public int N { get; init; }
    /// <summary>The seeds measured, space-separated ("1 2 3 4 5"); for a run-failed row, the failed run's seed.</summary>
    [Name("seeds")] public string Seeds { get; init; } = "";
    [Name("measured_mean")] public double? Measured { get; init; }
    [Name("seed_sd")] public double? SeedSd { get; init; }
    [Name("seed_df")] public int? SeedDf { get; init; }
    [Name("seed_variance_from")] public string SeedVarianceFrom { get; init; } = "";
    [Name("sampling_sd")] public double? SamplingSd { get; init; }
    /// <summary>Welch–Satterthwaite degrees of freedom of the interval; empty when infinite (normal quantile).</summary>
    [Name("df")] public double? Df { get; init; }
    [Name("t")] public double? T { get; init; }
    [Name("ci_low")] public double? CiLow { get; init; }
    [Name("ci_high")] public double? CiHigh { get; init; }
    [Name("verdict")] public string VerdictText => Text(Verdict, Reason);
    /// <summary>Why not comparable ("profile"), a failed run's cause, a contradiction, "exceeded by 1.20 pp", a single seed's borrowed spread.</summary>
    [Name("note")] public string Note { get; init; } = "";

    /// <summary>Whether the whole interval lies above documented + rounding (<see cref="Note"/> says by how much).</summary>
    [Ignore] public bool Exceeded { get; init; }
    [Ignore] public Verdict Verdict { get; init; }
    [Ignore] public ClaimKind Kind { get; init; }
    [Ignore] public ClaimUnit Unit { get; init; }
    /// <summary>The short reason of a not-comparable verdict ("profile"), shown in the verdict text.</summary>
    [Ignore] public string Reason { get; init; } = "";
    /// <summary>Written before the documented value: "~" (approximate), "<" (upper bound), ">" (lower bound) or "".</summary>
    [Ignore] public string Qualifier { get; init; } = "";

    /// <summary>Held, did not hold or inconclusive: a claim the interval rule judged.</summary>
    [Ignore] public bool Judged => Verdict is Verdict.Held or Verdict.DidNotHold or Verdict.Inconclusive;

    public static string Text(Verdict verdict, string reason = "") => verdict switch
    {
        Verdict.Held => "held",
        Verdict.DidNotHold => "did not hold",
        Verdict.Inconclusive => "inconclusive",
        Verdict.RunFailed => "run failed",
        Verdict.Contradicted => "contradicted by the write-up",
        Verdict.NotComparable => $"not comparable ({reason})",
        Verdict.Reported => "reported, not judged",
        _ => "nothing documented",
    };
}
