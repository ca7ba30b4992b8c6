using FashionBench.Harness;
using FashionBench.Harness.Data;
using NUnit.Framework;

namespace FashionBench.Tests.Data;

[NonParallelizable]  // sets process environment variables
public class DataSourcesTests
{
    TempDirectory temp = null!;
    string? savedDataDir, savedMirror;

    [SetUp]
    public void SetUp()
    {
        temp = new TempDirectory();
        savedDataDir = Environment.GetEnvironmentVariable(DataSources.DataDirVariable);
        savedMirror = Environment.GetEnvironmentVariable(DataSources.MirrorVariable);
        Environment.SetEnvironmentVariable(DataSources.DataDirVariable, null);
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, null);
    }

    [TearDown]
    public void TearDown()
    {
        Environment.SetEnvironmentVariable(DataSources.DataDirVariable, savedDataDir);
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, savedMirror);
        temp.Dispose();
    }

    [Test]
    public void DefaultsToDataUnderTheRepositoryRootWithNoMirrors()
    {
        var sources = DataSources.FromEnvironment(temp.Path, null, null);

        Assert.That(sources.CacheDir, Is.EqualTo(temp.Sub("data")));
        Assert.That(sources.MirrorDirs, Is.Empty);
        Assert.That(sources.IncludeDebianPackageDir, Is.True);
        Assert.That(sources.HttpMirrorOverride, Is.Null, "the catalogue's HTTP mirrors are used");
    }

    [Test]
    public void EnvironmentIsUsedAndOptionsOverrideIt()
    {
        Directory.CreateDirectory(temp.Sub("m1"));
        Directory.CreateDirectory(temp.Sub("m2"));
        Environment.SetEnvironmentVariable(DataSources.DataDirVariable, temp.Sub("env-cache"));
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, $"{temp.Sub("m1")}{Path.PathSeparator}{temp.Sub("m2")}");

        var fromEnv = DataSources.FromEnvironment(temp.Path, null, null);
        var fromOptions = DataSources.FromEnvironment(temp.Path, temp.Sub("opt-cache"), temp.Sub("m2"));

        Assert.That(fromEnv.CacheDir, Is.EqualTo(temp.Sub("env-cache")));
        Assert.That(fromEnv.MirrorDirs, Is.EqualTo(new[] { temp.Sub("m1"), temp.Sub("m2") }));
        Assert.That(fromOptions.CacheDir, Is.EqualTo(temp.Sub("opt-cache")));
        Assert.That(fromOptions.MirrorDirs, Is.EqualTo(new[] { temp.Sub("m2") }));
    }

    [Test]
    public void MissingMirrorDirectoryFromTheOptionIsAnErrorNamingIt()
    {
        var error = Assert.Throws<UserError>(() => DataSources.FromEnvironment(temp.Path, null, temp.Sub("nope")))!;

        Assert.That(error.Message, Is.EqualTo($"--mirror: mirror directory does not exist: {temp.Sub("nope")}"));
    }

    [Test]
    public void MissingMirrorDirectoryFromTheEnvironmentIsAnErrorNamingTheVariable()
    {
        Environment.SetEnvironmentVariable(DataSources.MirrorVariable, temp.Sub("nope"));

        var error = Assert.Throws<UserError>(() => DataSources.FromEnvironment(temp.Path, null, null))!;

        Assert.That(error.Message, Is.EqualTo($"FASHIONBENCH_DATA_MIRROR: mirror directory does not exist: {temp.Sub("nope")}"));
    }
}
