namespace FashionBench.Harness.Data;

/// <summary>A file in a local mirror directory or Debian's package directory, copied as it is.</summary>
sealed class LocalFileSource(string name, string path) : FileSource(name)
{
    public override string? FetchTo(string tempPath)
    {
        if (!File.Exists(path)) return "missing";
        try
        {
            using var source = File.OpenRead(path);
            using var target = CreateTemp(tempPath);
            source.CopyTo(target);
            target.Flush(flushToDisk: true);
            return null;
        }
        catch (IOException e) { return $"copy failed: {OneLine(e.Message)}"; }
        catch (UnauthorizedAccessException e) { return $"not readable: {OneLine(e.Message)}"; }
    }
}
