namespace FashionBench.Harness.Data;

/// <summary>
/// A dataset file in the cache, verified: its path, where it came from ("cache", "mirror &lt;path&gt;",
/// "debian &lt;path&gt;" or the URL), and the checksums a run records (the .gz SHA-256 as cached, the raw IDX SHA-256).
/// </summary>
public sealed record AcquiredFile(DatasetFile File, string Path, string Source, string GzSha256, string RawSha256);
