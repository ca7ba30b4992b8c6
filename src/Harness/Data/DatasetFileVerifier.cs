using System.IO.Compression;
using System.Security.Cryptography;

namespace FashionBench.Harness.Data;

/// <summary>
/// Checks a .gz file against its catalogue entry: accepted when its size and SHA-256 match, or else when the IDX it
/// decompresses to has the catalogue's raw size and SHA-256 (a copy whose gzip header was rewritten, like Debian's
/// <c>dataset-fashion-mnist</c>, holds the same data under a different .gz hash).
/// </summary>
public static class DatasetFileVerifier
{
    public static FileVerification Verify(string path, DatasetFile expected)
    {
        long gzSize;
        string gzSha;
        using (var stream = File.OpenRead(path))
        {
            gzSize = stream.Length;
            gzSha = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        if (gzSize == expected.GzSize && gzSha == expected.GzSha256)
            return new(true, false, gzSize, gzSha, expected.RawSize, expected.RawSha256, null);

        var (rawSize, rawSha, rawProblem) = HashRaw(path, expected.RawSize);
        var rawMatches = rawSize == expected.RawSize && rawSha == expected.RawSha256;
        return new(rawMatches, rawMatches, gzSize, gzSha, rawSize, rawSha, rawProblem);
    }

    /// <summary>
    /// SHA-256 and size of the decompressed content. Reading stops past <paramref name="expectedSize"/> (the copy is
    /// wrong then anyway), so a corrupt or hostile file cannot make this decompress without end.
    /// </summary>
    static (long? Size, string? Sha, string? Problem) HashRaw(string path, long expectedSize)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                total += read;
                if (total > expectedSize) return (null, null, $"larger than the expected {expectedSize} bytes");
                hash.AppendData(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            // Fallback: a damaged or non-gzip file has no raw hash; say why instead.
            return (null, null, $"unreadable: not a valid gzip stream ({e.Message.ReplaceLineEndings(" ")})");
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()), null);
    }
}
