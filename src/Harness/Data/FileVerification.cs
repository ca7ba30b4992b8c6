namespace FashionBench.Harness.Data;

/// <summary>
/// The outcome of checking one candidate file against its catalogue entry. When the .gz itself matched, the raw size
/// and hash are the catalogue's (the raw content follows from the .gz); otherwise they were measured by decompressing,
/// or are null with <see cref="RawProblem"/> saying why they could not be.
/// </summary>
public sealed record FileVerification(
    bool Accepted,
    bool AcceptedByRawHash,
    long GzSize,
    string GzSha256,
    long? RawSize,
    string? RawSha256,
    string? RawProblem)
{
    /// <summary>What was found, on one line: the .gz hash and size, then the raw IDX hash and size or its problem.</summary>
    public string Describe() =>
        $"SHA-256 {GzSha256} ({GzSize} bytes), raw IDX " + (RawProblem ?? $"SHA-256 {RawSha256} ({RawSize} bytes)");
}
