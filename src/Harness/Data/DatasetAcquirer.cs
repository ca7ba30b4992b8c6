namespace FashionBench.Harness.Data;

/// <summary>
/// Puts verified dataset files into the cache (<c>&lt;CacheDir&gt;/&lt;dataset&gt;/&lt;file&gt;.gz</c>, the .gz as
/// obtained). A cached file is verified before use; otherwise each source in <see cref="DataSources"/> order is copied
/// or downloaded into a temp file in the cache folder, verified, and renamed over the final name, so the cache never
/// holds an unverified file under a final name. A rejected copy is deleted and the next source tried; when all fail,
/// a one-line <see cref="UserError"/> names the file, the expected and found hashes and every source tried.
/// </summary>
public sealed class DatasetAcquirer(DataSources sources, HttpClient http, Action<string> notice)
{
    /// <summary>
    /// An HttpClient suited to the acquirer: no overall client timeout (the acquirer limits each file to
    /// <see cref="DataSources.HttpTimeout"/>) but a short connect timeout, so an unreachable mirror fails fast.
    /// </summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// The acquirer every verb uses: the sources from the environment (<see cref="DataSources.FromEnvironment"/>, with
    /// --data-dir and --mirror where given; no HTTP mirror when <paramref name="offline"/>) and a client of its own,
    /// which lives as long as the process.
    /// </summary>
    public static DatasetAcquirer FromEnvironment(string repoRoot, Action<string> notice, string? cacheOverride = null,
        string? mirrorOverride = null, bool offline = false)
    {
        var sources = DataSources.FromEnvironment(repoRoot, cacheOverride, mirrorOverride);
        return new(offline ? sources with { HttpMirrorOverride = [] } : sources, CreateHttpClient(), notice);
    }

    public AcquiredDataset Acquire(DatasetInfo info) =>
        new(info, info.Files.Select(file => Acquire(info, file)).ToList());

    public AcquiredFile Acquire(DatasetInfo info, DatasetFile file)
    {
        var id = $"{info.Name}/{file.Name}";
        var folder = Path.Combine(sources.CacheDir, info.Name);
        var final = Path.Combine(folder, file.Name);
        var tried = new List<string>();

        if (File.Exists(final))
        {
            var cached = DatasetFileVerifier.Verify(final, file);
            if (cached.Accepted) return new(file, final, "cache", cached.GzSha256, cached.RawSha256!);
            notice($"{id}: cached copy {final} changed since it was verified ({cached.Describe()}); acquiring it again");
            tried.Add($"cache {final}: {cached.Describe()}");
        }
        else tried.Add($"cache {final}: missing");

        Directory.CreateDirectory(folder);
        foreach (var source in Sources(info, file))
        {
            var temp = Path.Combine(folder, $".{file.Name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            try
            {
                var failure = source.FetchTo(temp);
                if (failure is not null)
                {
                    tried.Add($"{source.Name}: {failure}");
                    continue;
                }
                var found = DatasetFileVerifier.Verify(temp, file);
                if (!found.Accepted)
                {
                    notice($"{id}: rejected {source.Name}: {found.Describe()}, expected {Expected(file)}; trying the next source");
                    tried.Add($"{source.Name}: {found.Describe()}");
                    continue;
                }
                if (found.AcceptedByRawHash)
                    notice($"{id}: {source.Name} has a different .gz (SHA-256 {found.GzSha256}) holding the expected raw IDX (SHA-256 {found.RawSha256}); accepted");
                File.Move(temp, final, overwrite: true);
                return new(file, final, source.Name, found.GzSha256, found.RawSha256!);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
        throw new UserError($"{id}: no source has a verified copy; expected {Expected(file)}; tried: {string.Join("; ", tried)}");
    }

    static string Expected(DatasetFile file) =>
        $"SHA-256 {file.GzSha256} ({file.GzSize} bytes) or raw IDX SHA-256 {file.RawSha256} ({file.RawSize} bytes)";

    IEnumerable<FileSource> Sources(DatasetInfo info, DatasetFile file)
    {
        foreach (var dir in sources.MirrorDirs)
            yield return new LocalFileSource($"mirror {Path.Combine(dir, info.Name, file.Name)}",
                Path.Combine(dir, info.Name, file.Name));
        var debian = Path.Combine(DataSources.DebianPackageRoot, info.Name);
        if (sources.IncludeDebianPackageDir && Directory.Exists(debian))
            yield return new LocalFileSource($"debian {Path.Combine(debian, file.Name)}", Path.Combine(debian, file.Name));
        foreach (var baseUri in sources.HttpMirrorOverride ?? info.HttpMirrors)
            yield return new HttpFileSource(http, new Uri(baseUri, file.Name), sources.HttpTimeout);
    }
}
