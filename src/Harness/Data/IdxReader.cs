using System.Buffers.Binary;
using System.IO.Compression;

namespace FashionBench.Harness.Data;

/// <summary>
/// Reads gzip-compressed IDX files (the MNIST format): a big-endian header — magic 2051 then image count, rows and
/// columns for images; magic 2049 then count for labels — followed by one unsigned byte per pixel or label.
/// Anything unexpected (wrong magic, not 28×28, truncated or over-long data, a label outside 0..9, image and label
/// counts that differ) is a one-line <see cref="UserError"/> naming the file.
/// </summary>
public static class IdxReader
{
    public const int ImageMagic = 2051;
    public const int LabelMagic = 2049;
    public const int Side = 28;
    public const int ClassCount = 10;

    /// <summary>Pixels row-major, image after image: <c>Pixels[i * rows * cols + r * cols + c]</c>, 0..255.</summary>
    public static (byte[] Pixels, int Count, int Rows, int Cols) ReadImages(string path) =>
        Read(path, stream =>
        {
            var header = ReadHeader(stream, path, ImageMagic, "images", words: 4);
            var (count, rows, cols) = (header[1], header[2], header[3]);
            if (rows != Side || cols != Side)
                throw new UserError($"{path}: images are {rows}×{cols}, expected {Side}×{Side}");
            var pixels = ReadBody(stream, path, (long)count * rows * cols, $"{count} images of {rows}×{cols}");
            return (pixels, count, rows, cols);
        });

    public static byte[] ReadLabels(string path) =>
        Read(path, stream =>
        {
            var count = ReadHeader(stream, path, LabelMagic, "labels", words: 2)[1];
            var labels = ReadBody(stream, path, count, $"{count} labels");
            var bad = labels.AsSpan().IndexOfAnyExceptInRange((byte)0, (byte)(ClassCount - 1));
            if (bad >= 0)
                throw new UserError($"{path}: label {labels[bad]} at index {bad} is not a class (0..{ClassCount - 1})");
            return labels;
        });

    /// <summary>Images and labels of one split, checked to hold the same number of items.</summary>
    public static IdxSplit ReadSplit(string imagesPath, string labelsPath)
    {
        var (pixels, count, rows, cols) = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != count)
            throw new UserError($"{labelsPath}: {labels.Length} labels but {imagesPath} has {count} images");
        return new IdxSplit(pixels, labels, count, rows, cols);
    }

    static T Read<T>(string path, Func<Stream, T> read)
    {
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            return read(gzip);
        }
        catch (FileNotFoundException) { throw new UserError($"{path}: file not found"); }
        catch (DirectoryNotFoundException) { throw new UserError($"{path}: file not found"); }
        catch (InvalidDataException e)
        {
            throw new UserError($"{path}: not a valid gzip stream ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>
    /// The header's big-endian 32-bit words; word 0 is the magic (checked first, so a file of the other kind is named
    /// as such even when it is shorter than this header), the others counts and sizes (≥ 0).
    /// </summary>
    static int[] ReadHeader(Stream stream, string path, int magic, string what, int words)
    {
        var bytes = new byte[4 * words];
        var read = stream.ReadAtLeast(bytes.AsSpan(0, 4), 4, throwOnEndOfStream: false);
        if (read == 4)
        {
            var found = BinaryPrimitives.ReadInt32BigEndian(bytes);
            if (found != magic) throw new UserError($"{path}: magic number {found}, expected {magic} (IDX {what})");
        }
        read += stream.ReadAtLeast(bytes.AsSpan(read), bytes.Length - read, throwOnEndOfStream: false);
        if (read < bytes.Length)
            throw new UserError($"{path}: truncated: {read} bytes, shorter than the {bytes.Length}-byte IDX {what} header");
        var header = Enumerable.Range(0, words)
            .Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * i)))
            .ToArray();
        if (header.Skip(1).Any(v => v < 0))
            throw new UserError($"{path}: negative count or size in the IDX header ({string.Join(", ", header.Skip(1))})");
        return header;
    }

    /// <summary>Exactly <paramref name="length"/> bytes, and nothing after them.</summary>
    static byte[] ReadBody(Stream stream, string path, long length, string declared)
    {
        if (length > Array.MaxLength)
            throw new UserError($"{path}: header declares {declared}, too large to load");
        var body = new byte[length];
        var read = stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false);
        if (read < body.Length)
            throw new UserError($"{path}: truncated: header declares {declared} ({length} bytes) but the data ends after {read} bytes");
        if (stream.ReadByte() >= 0)
            throw new UserError($"{path}: data continues past the {declared} the header declares");
        return body;
    }
}
