namespace FashionBench.Harness;

/// <summary>The repository root (the folder holding FashionBench.sln), found from the working directory or the binary.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "FashionBench.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
