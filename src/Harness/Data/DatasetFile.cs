namespace FashionBench.Harness.Data;

/// <summary>
/// One file of a dataset as published: the gzip archive (size, MD5, SHA-256) and the raw IDX inside it (size,
/// SHA-256). Hashes are lower-case hex. The raw hash lets a re-compressed copy with the same content be accepted.
/// </summary>
public sealed record DatasetFile(string Name, long GzSize, string GzMd5, string GzSha256, long RawSize, string RawSha256);
