namespace FashionBench.Harness.Regression;

/// <summary>The regression bars of one profile, how and from what they were derived.</summary>
/// <param name="Source">The profile folder the runs were read from.</param>
/// <param name="SourceCommits">Git commits the runs were trained at.</param>
/// <param name="Confidence">One-sided level of each lower bound (the chance a healthy run stays above it).</param>
/// <param name="EpochTimeRatioBound">Measured / reference epoch time above this is a warning (never a failure).</param>
/// <param name="Derivation">The reasoning, in words and with the numbers used.</param>
/// <param name="ExactCpuVendor">
/// The vendor of the CPUs the source runs were trained on (<see cref="Machine.CpuVendor"/>), when they share one: the
/// exact check holds only on a machine of that vendor. Null in bars derived before it was recorded, or from runs of
/// several vendors: then it holds everywhere.
/// </param>
public sealed record ProfileThresholds(
    DateTimeOffset Generated,
    string Source,
    IReadOnlyList<string> SourceCommits,
    double Confidence,
    double EpochTimeRatioBound,
    SpreadEstimate Spread,
    string Derivation,
    IReadOnlyDictionary<string, ModelThreshold> Models,
    string? ExactCpuVendor = null);
