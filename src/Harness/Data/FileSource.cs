namespace FashionBench.Harness.Data;

/// <summary>One place a dataset file can be fetched from.</summary>
abstract class FileSource(string name)
{
    /// <summary>How messages name this source: "mirror &lt;path&gt;", "debian &lt;path&gt;" or the URL.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Writes the file's bytes into <paramref name="tempPath"/> (a new file) and flushes them to disk. Returns null on
    /// success, else a one-line reason (missing, HTTP status, I/O error); an incomplete temp file is left for the caller
    /// to delete.
    /// </summary>
    public abstract string? FetchTo(string tempPath);

    protected static FileStream CreateTemp(string tempPath) =>
        new(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);

    protected static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
