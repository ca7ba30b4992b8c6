namespace FashionBench.Reports.Verdicts;

/// <summary>How a documented number is read, which decides its rule in <see cref="ClaimJudge"/>.</summary>
public enum ClaimKind
{
    /// <summary>"Reaches 90.94 %": at least the value, less its printed rounding.</summary>
    AtLeast,
    /// <summary>"Over 90 %": strictly above the bound.</summary>
    LowerBound,
    /// <summary>"Stays below 99.1 %": strictly below the bound.</summary>
    UpperBound,
    /// <summary>A parameter count: an exact fact of the architecture ("7,108", "~6,000", "&lt; 1,000,000").</summary>
    Count,
    /// <summary>Time, memory, size, throughput: measured on other hardware, so only the order of magnitude is judged.</summary>
    OrderOfMagnitude,
    /// <summary>Shown beside the measurement, not judged (a loss: frameworks sum regularisation and average batches differently).</summary>
    Reported,
}
