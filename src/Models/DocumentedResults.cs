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
    /// <summary>Numbers stated for a given epoch (1-based): 003's V3 at epochs 7 and 10.</summary>
    public IReadOnlyDictionary<int, EpochResults> AtEpoch { get; init; } = new Dictionary<int, EpochResults>();
    /// <summary>An upper bound on the best test accuracy over epochs ("test accuracy consistently stays below 99.1 %").</summary>
    public double? BestTestAccuracyBelow { get; init; }
    /// <summary>A test accuracy to reach within a number of epochs ("99.4 %+ … in 15 epochs").</summary>
    public AccuracyTarget? Target { get; init; }
    public IReadOnlyDictionary<string, double> PerClassF1 { get; init; } = new Dictionary<string, double>();
    public ParameterClaim? Parameters { get; init; }
    /// <summary>A second parameter claim, a bound beside the value ("~7,000" and "under 8K").</summary>
    public ParameterClaim? ParameterBound { get; init; }
    public double? EpochSeconds { get; init; }
    /// <summary>Resource numbers measured on the write-up's machine: total training time, model file size, peak memory.</summary>
    public double? TotalTrainSeconds { get; init; }
    public double? ModelMegabytes { get; init; }
    public double? PeakMemoryMegabytes { get; init; }
    /// <summary>An inference rate in "it/s", a unit the write-up does not define (images or batches): reported, not judged.</summary>
    public double? InferenceIterationsPerSecond { get; init; }
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

/// <summary>Numbers a write-up states for one epoch; a test loss or accuracy is on the test set (write-ups that validated on it).</summary>
public sealed record EpochResults(double? TestAccuracy = null, double? TestLoss = null, double? TrainAccuracy = null, double? TrainLoss = null);

/// <summary>
/// A test accuracy claimed reached within <paramref name="ByEpoch"/> epochs, with half a unit of its printed digit
/// ("99.4 %" → 0.0005).
/// </summary>
public sealed record AccuracyTarget(double Accuracy, int ByEpoch, double Rounding);

/// <summary>The names of claims that a <see cref="Contradiction"/> can point at, as verdicts.csv writes them.</summary>
public static class ClaimName
{
    public const string Parameters = "parameters";
    public const string ParameterBound = "parameters (bound)";
    public const string ModelSize = "model size";
}
