namespace FashionBench.Harness.Data;

/// <summary>
/// Where dataset files may come from, tried in this order: the cache directory, each local mirror directory (laid out
/// as <c>&lt;dataset&gt;/&lt;file&gt;.gz</c>), Debian's <c>dataset-fashion-mnist</c> package directory, then the HTTP
/// mirrors (the catalogue's, or <see cref="HttpMirrorOverride"/> when set; an empty override means no downloads).
/// </summary>
public sealed record DataSources(
    string CacheDir,
    IReadOnlyList<string> MirrorDirs,
    bool IncludeDebianPackageDir,
    IReadOnlyList<Uri>? HttpMirrorOverride,
    TimeSpan HttpTimeout)
{
    public const string DataDirVariable = "FASHIONBENCH_DATA_DIR";
    public const string MirrorVariable = "FASHIONBENCH_DATA_MIRROR";

    /// <summary>Root of the Debian package's files; the package ships <c>fashion-mnist/*.gz</c> under it.</summary>
    public const string DebianPackageRoot = "/usr/share/datasets";

    /// <summary>Time allowed for one whole file from one HTTP mirror (the largest is 26 MB).</summary>
    public static readonly TimeSpan DefaultHttpTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Sources from the command line and the environment: the cache is <paramref name="cacheOverride"/>, else
    /// FASHIONBENCH_DATA_DIR, else <c>data/</c> under <paramref name="repoRoot"/>; mirrors are
    /// <paramref name="mirrorOverride"/> (from --mirror), else FASHIONBENCH_DATA_MIRROR, each a list of directories
    /// separated by <see cref="Path.PathSeparator"/> (':' on Unix). A mirror directory that does not exist is a UserError
    /// naming where it came from.
    /// </summary>
    public static DataSources FromEnvironment(string repoRoot, string? cacheOverride, string? mirrorOverride)
    {
        var cache = NonEmpty(cacheOverride) ?? NonEmpty(Environment.GetEnvironmentVariable(DataDirVariable))
            ?? Path.Combine(repoRoot, "data");
        var (mirrorList, origin) = mirrorOverride is not null
            ? (mirrorOverride, "--mirror")
            : (Environment.GetEnvironmentVariable(MirrorVariable) ?? "", MirrorVariable);
        var mirrors = mirrorList.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Path.GetFullPath)
            .ToList();
        foreach (var dir in mirrors.Where(d => !Directory.Exists(d)))
            throw new UserError($"{origin}: mirror directory does not exist: {dir}");
        return new DataSources(Path.GetFullPath(cache), mirrors, IncludeDebianPackageDir: true,
            HttpMirrorOverride: null, DefaultHttpTimeout);
    }

    static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
