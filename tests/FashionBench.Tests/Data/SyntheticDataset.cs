using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using FashionBench.Harness.Data;

namespace FashionBench.Tests.Data;

/// <summary>
/// A tiny dataset in the real format: IDX files with a fixed pixel pattern, gzip-compressed with a header in the
/// canonical files' style (FNAME set), and a catalogue entry built from their measured sizes and hashes.
/// </summary>
sealed class SyntheticDataset
{
    public const int TrainCount = 12;
    public const int TestCount = 5;

    public SyntheticDataset(string name = "synthetic")
    {
        var files = new (string Name, byte[] Raw)[]
        {
            (DatasetInfo.TrainImages, ImagesIdx(TrainCount)),
            (DatasetInfo.TrainLabels, LabelsIdx(Labels(TrainCount))),
            (DatasetInfo.TestImages, ImagesIdx(TestCount, seed: 100)),
            (DatasetInfo.TestLabels, LabelsIdx(Labels(TestCount))),
        };
        Raw = files.ToDictionary(f => f.Name, f => f.Raw);
        Gz = files.ToDictionary(f => f.Name, f => Gzip(f.Raw, f.Name[..^3]));
        Info = new DatasetInfo(name, [.. Enumerable.Range(0, 10).Select(i => $"class {i}")], 0.5f, 0.25f,
            [.. files.Select(f => Entry(f.Name, Gz[f.Name], f.Raw))], []);
    }

    public DatasetInfo Info { get; }
    public IReadOnlyDictionary<string, byte[]> Raw { get; }
    public IReadOnlyDictionary<string, byte[]> Gz { get; }

    /// <summary>Writes the .gz files into <c>mirrorDir/&lt;dataset&gt;/</c>, optionally changed by <paramref name="alter"/>.</summary>
    public void WriteMirror(string mirrorDir, Func<string, byte[], byte[]>? alter = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(mirrorDir, Info.Name)).FullName;
        foreach (var (name, gz) in Gz)
            File.WriteAllBytes(Path.Combine(folder, name), alter is null ? gz : alter(name, gz));
    }

    /// <summary>Pixel of image i at (r, c): a pattern that differs between images and uses the full 0..255 range.</summary>
    public static byte Pixel(int seed, int i, int r, int c) => (byte)((seed + i * 37 + r * 11 + c * 3) % 256);

    public static byte[] Labels(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i * 7 % 10))];

    public static byte[] ImagesIdx(int count, int rows = 28, int cols = 28, int magic = 2051, int seed = 0)
    {
        var bytes = new byte[16 + count * rows * cols];
        WriteHeader(bytes, magic, count, rows, cols);
        for (var i = 0; i < count; i++)
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            bytes[16 + (i * rows + r) * cols + c] = Pixel(seed, i, r, c);
        return bytes;
    }

    public static byte[] LabelsIdx(byte[] labels, int magic = 2049)
    {
        var bytes = new byte[8 + labels.Length];
        WriteHeader(bytes, magic, labels.Length);
        labels.CopyTo(bytes, 8);
        return bytes;
    }

    static void WriteHeader(byte[] bytes, params int[] words)
    {
        for (var i = 0; i < words.Length; i++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * i), words[i]);
    }

    /// <summary>gzip with the header the canonical files have: FLG=FNAME, an mtime, XFL=0, OS=3 (Unix), the name.</summary>
    public static byte[] Gzip(byte[] raw, string? fileName = null)
    {
        var plain = new MemoryStream();
        using (var gzip = new GZipStream(plain, CompressionLevel.Optimal)) gzip.Write(raw);
        var member = plain.ToArray();
        return fileName is null ? member : WithHeader(member, flags: 0x08, mtime: 0x59a7e9de, fileName);
    }

    /// <summary>
    /// The same deflate body and trailer under a different header, as Debian's strip-nondeterminism leaves it:
    /// FNAME dropped, mtime set to 0x5eda0aed.
    /// </summary>
    public static byte[] DebianStyle(byte[] gz) => WithHeader(gz, flags: 0x00, mtime: 0x5eda0aed, fileName: null);

    static byte[] WithHeader(byte[] gz, byte flags, uint mtime, string? fileName)
    {
        var bodyStart = 10;
        if ((gz[3] & 0x08) != 0) bodyStart = Array.IndexOf(gz, (byte)0, 10) + 1;  // skip the old FNAME
        var header = new List<byte> { 0x1f, 0x8b, 0x08, flags };
        header.AddRange(BitConverter.GetBytes(mtime));  // little-endian, as gzip stores it
        header.AddRange([0x00, 0x03]);
        if (fileName is not null) header.AddRange([.. Encoding.ASCII.GetBytes(fileName), 0]);
        return [.. header, .. gz.AsSpan(bodyStart)];
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    static DatasetFile Entry(string name, byte[] gz, byte[] raw) =>
        new(name, gz.Length, Convert.ToHexStringLower(MD5.HashData(gz)), Sha256(gz), raw.Length, Sha256(raw));
}
