namespace FashionBench.Harness.Runs;

/// <summary>A run's metrics and whether they came from an earlier complete run rather than training now.</summary>
public sealed record RunOutcome(RunMetrics Metrics, bool Reused);
