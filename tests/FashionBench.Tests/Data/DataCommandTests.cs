using FashionBench.Harness.Data;
using NUnit.Framework;

using FashionBench.Tests.Cli;

namespace FashionBench.Tests.Data;

[NonParallelizable]  // redirects the process's console
public class DataCommandTests
{
    [Test]
    public void BadOnlyMirrorFailsWithOneErrorLineAndNonZeroExit()
    {
        using var temp = new TempDirectory();
        var folder = Directory.CreateDirectory(temp.Sub("bad", "mnist")).FullName;
        foreach (var file in DatasetCatalog.Mnist.Files)
            File.WriteAllBytes(Path.Combine(folder, file.Name), SyntheticDataset.Gzip([1, 2, 3], file.Name));

        var (exit, stdout, stderr) = CliRun.Data(
            "--dataset", "mnist", "--mirror", temp.Sub("bad"), "--data-dir", temp.Sub("cache"), "--offline");

        Assert.That(exit, Is.Not.EqualTo(0));
        Assert.That(stdout, Is.Empty);
        var errors = stderr.Where(l => !l.StartsWith("notice: ", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", stderr));
        Assert.That(errors[0], Does.StartWith($"error: mnist/{DatasetInfo.TrainImages}: no source has a verified copy"));
        Assert.That(errors[0], Does.Contain(DatasetCatalog.Mnist.File(DatasetInfo.TrainImages).GzSha256)
            .And.Contain($"mirror {Path.Combine(folder, DatasetInfo.TrainImages)}"));
        Assert.That(stderr, Has.None.Contain(" at FashionBench."), "no stack trace");
    }

    [Test]
    public void MirrorDirectoryThatDoesNotExistIsOneErrorLine()
    {
        using var temp = new TempDirectory();

        var (exit, _, stderr) = CliRun.Data("--mirror", temp.Sub("nope"), "--data-dir", temp.Sub("cache"), "--offline");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo(new[] { $"error: --mirror: mirror directory does not exist: {temp.Sub("nope")}" }));
    }

    [Test]
    public void HelpDescribesTheCommandAndItsOptions()
    {
        var (exit, stdout, _) = CliRun.Data("--help");

        var help = string.Join("\n", stdout);
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(help, Does.Contain("Acquire the datasets"));
        Assert.That(help, Does.Contain("--dataset").And.Contain("--data-dir").And.Contain("--mirror").And.Contain("--offline"));
        Assert.That(help, Does.Contain(DataSources.MirrorVariable).And.Contain(DataSources.DataDirVariable));
    }
}
