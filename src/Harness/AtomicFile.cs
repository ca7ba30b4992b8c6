using System.Text;

namespace FashionBench.Harness;

/// <summary>
/// Writes a whole file or nothing: the content goes to a temp file in the same folder, which is then renamed over the
/// target, so a crash or kill never leaves a partial file behind under the final name.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content) =>
        Write(path, stream =>
        {
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
            stream.Write(bytes);
        });

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var copy = content.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>Streams content into a temp file, flushes it to disk, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> writeContent)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
