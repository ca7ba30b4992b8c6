namespace FashionBench.Models;

/// <summary>
/// What a write-up claims, exactly as it states it (percentages as fractions: 90.94 % → 0.9094).
/// Null means the write-up gives no number. A claim is kept even when the write-up contradicts itself.
/// </summary>
public sealed record DocumentedResults
{
    public double? TestAccuracy { get; init; }
    /// <summary>Whether TestAccuracy is the best over epochs ("best test accuracy") rather than the final one.</summary>
    public bool TestAccuracyIsBestEpoch { get; init; }
    /// <summary>A lower bound claim ("over 90 %") rather than a value.</summary>
    public bool TestAccuracyIsLowerBound { get; init; }
    public double? ValidationAccuracy { get; init; }
    public double? ValidationLoss { get; init; }
    public double? TrainAccuracy { get; init; }
    public double? MacroF1 { get; init; }
    /// <summary>Per-epoch claims: epoch (1-based) → test accuracy.</summary>
    public IReadOnlyDictionary<int, double> TestAccuracyAtEpoch { get; init; } = new Dictionary<int, double>();
    public IReadOnlyDictionary<string, double> PerClassF1 { get; init; } = new Dictionary<string, double>();
    public ParameterClaim? Parameters { get; init; }
    public double? EpochSeconds { get; init; }
    /// <summary>
    /// Half a unit of the last digit the write-up printed its accuracies and F1 scores with, as a fraction: "90.94 %"
    /// or "0.8980" → 0.00005 (the default: these write-ups print two decimals of a percentage, four of a score);
    /// "83 %" → 0.005. An accuracy claim is a claim of at least the documented value less this rounding.
    /// </summary>
    public double Rounding { get; init; } = 0.00005;
    /// <summary>The sentence(s) of the write-up the numbers come from, for the report.</summary>
    public string Quote { get; init; } = "";

    public static readonly DocumentedResults Nothing = new();
}

public enum ParameterClaimKind { Exact, Approximate, UpperBound }

/// <summary>A parameter-count claim: "7,108", "~6,000" or "< 1,000,000".</summary>
public sealed record ParameterClaim(ParameterClaimKind Kind, long Value)
{
    /// <summary>Approximate claims hold within ±25 %, as "~" in these write-ups rounds to one significant figure.</summary>
    public bool HeldBy(long measured) => Kind switch
    {
        ParameterClaimKind.Exact => measured == Value,
        ParameterClaimKind.UpperBound => measured < Value,
        _ => Math.Abs(measured - Value) <= 0.25 * Value,
    };

    public override string ToString() => Kind switch
    {
        ParameterClaimKind.Exact => Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        ParameterClaimKind.UpperBound => "< " + Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
        _ => "~" + Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The names of claims that a <see cref="Contradiction"/> can point at, as verdicts.csv writes them.</summary>
public static class ClaimName
{
    public const string Parameters = "parameters";
    public const string ModelSize = "model size";
}
