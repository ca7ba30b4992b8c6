namespace FashionBench.Harness.Runs;

public enum RunStatus
{
    /// <summary>No folder, or one without results.</summary>
    Missing,
    /// <summary>Started (config or checkpoints present) but no completion record: resumable.</summary>
    Incomplete,
    /// <summary>Has a completion record whose file hashes no longer match: re-run, never aggregated.</summary>
    Corrupt,
    Complete,
}
