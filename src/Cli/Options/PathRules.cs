using FashionBench.Harness;

namespace FashionBench.Cli.Options;

/// <summary>
/// The one rule for path options, applied before a verb does any work: a path that is the wrong kind of thing, or
/// cannot be written, fails with one line naming the option and the path, never later with a stack trace.
/// </summary>
public static class PathRules
{
    /// <summary>A folder this process can write (created if missing): --results, --data-dir.</summary>
    public static string WritableFolder(string option, string path)
    {
        if (File.Exists(path)) throw new UserError($"{option}: '{path}' is a file, not a folder");
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{option}: cannot write to '{path}' ({e.Message})");
        }
        return path;
    }

    /// <summary>A file this process can write, in a folder it can write: --out.</summary>
    public static string WritableFile(string option, string path)
    {
        if (Directory.Exists(path)) throw new UserError($"{option}: '{path}' is a folder, not a file");
        WritableFolder(option, Path.GetDirectoryName(Path.GetFullPath(path))!);
        return path;
    }

    /// <summary>A folder that exists: --from, merge's sources.</summary>
    public static string ExistingFolder(string option, string path) =>
        Directory.Exists(path) ? path
        : throw new UserError(File.Exists(path) ? $"{option}: '{path}' is a file, not a folder" : $"{option}: '{path}' does not exist");
}
