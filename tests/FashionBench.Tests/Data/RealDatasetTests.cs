using System.Security.Cryptography;
using FashionBench.Harness.Data;
using FashionBench.Harness.Runs;
using NUnit.Framework;

using FashionBench.Tests.Cli;

namespace FashionBench.Tests.Data;

/// <summary>
/// The real files from the shared mirror (<c>../shared/datasets</c> beside the repository): all 8 verify against the
/// catalogue, including the MD5 column, and the loaded training sets have the documented size and pixel statistics.
/// </summary>
[Category("Integration")]
[NonParallelizable]  // sets an environment variable and redirects the console
public class RealDatasetTests
{
    TempDirectory temp = null!;
    string mirror = null!;

    [SetUp]
    public void SetUp()
    {
        mirror = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "datasets"));
        if (!Directory.Exists(mirror)) Assert.Ignore($"shared dataset mirror not found at {mirror}");
        temp = new TempDirectory();
    }

    [TearDown] public void TearDown() => temp?.Dispose();

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FashionBench.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no FashionBench.sln above {TestContext.CurrentContext.TestDirectory}");
    }

    [TestCase("fashion-mnist", 0.2860, 0.3530, 6000)]
    [TestCase("mnist", 0.1307, 0.3081, -1)]
    public void AllFilesVerifyAndTrainingSetHasTheDocumentedStatistics(string name, double mean, double std, int perClass)
    {
        var info = DatasetCatalog.Get(name);
        using var http = DatasetAcquirer.CreateHttpClient();
        var sources = new DataSources(temp.Sub("cache"), [mirror], false, [], TimeSpan.FromSeconds(10));
        var notices = new List<string>();

        var acquired = new DatasetAcquirer(sources, http, notices.Add).Acquire(info);

        Assert.That(notices, Is.Empty);
        foreach (var file in acquired.Files)
        {
            Assert.That(file.GzSha256, Is.EqualTo(file.File.GzSha256));
            Assert.That(Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(file.Path))), Is.EqualTo(file.File.GzMd5), file.File.Name);
            Assert.That(DatasetFileVerifier.Verify(file.Path, file.File with { GzSha256 = "" }).RawSha256,
                Is.EqualTo(file.File.RawSha256), $"{file.File.Name}: measured raw IDX hash");
        }

        using var loaded = LoadedDataset.Read(acquired);
        Assert.That(loaded.TrainImages.shape[0], Is.EqualTo(60000));
        Assert.That(loaded.TestImages.shape[0], Is.EqualTo(10000));
        Assert.That(loaded.TrainImages.mean().item<float>(), Is.EqualTo(mean).Within(0.00005));
        Assert.That(loaded.TrainImages.std().item<float>(), Is.EqualTo(std).Within(0.00005));
        Assert.That((float)info.Mean, Is.EqualTo(mean).Within(1e-6));
        if (perClass > 0)
            Assert.That(loaded.TrainLabels.data<long>().ToArray().CountBy(b => b).Select(g => g.Value), Is.All.EqualTo(perClass));
    }

    [Test]
    public void DataCommandVerifiesAllEightFilesFromTheMirrorVariable()
    {
        var saved = Environment.GetEnvironmentVariable(DataSources.MirrorVariable);
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, mirror);
        try
        {
            var (exit, stdout, stderr) = CliRun.Data("--data-dir", temp.Sub("cache"), "--offline");

            Assert.That(exit, Is.EqualTo(0), string.Join("\n", stderr));
            Assert.That(stdout, Has.Length.EqualTo(8));
            Assert.That(stdout, Is.All.Contain("verified, from mirror " + mirror));
        }
        finally { Environment.SetEnvironmentVariable(DataSources.MirrorVariable, saved); }
    }
}
