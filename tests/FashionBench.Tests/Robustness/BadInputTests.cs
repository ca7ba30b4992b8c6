using FashionBench.Tests.Cli;
using NUnit.Framework;

namespace FashionBench.Tests.Robustness;

/// <summary>
/// Every option and input file is validated: one line on stderr naming the option or file and what was wrong,
/// a non-zero exit code, and no stack trace.
/// </summary>
public class BadInputTests
{
    static string tempFile = "";

    [OneTimeSetUp] public void MakeFile() { tempFile = Path.GetTempFileName(); }
    [OneTimeTearDown] public void RemoveFile() => File.Delete(tempFile);

    public static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string expected, params string[] args) => new TestCaseData(args, expected).SetName($"{{m}}({string.Join(' ', args)})");
        var results = Path.Combine(Path.GetTempPath(), "fb-badinput");
        yield return Case("--profile: unknown profile 'nope'", "train", "--profile", "nope", "--results", results);
        yield return Case("--models: 'zzz' matches no model", "train", "--profile", "smoke", "--models", "zzz", "--results", results);
        yield return Case("--device: unknown device 'gpu'", "train", "--device", "gpu", "--results", results);
        yield return Case("--seeds: must be at least 1", "train", "--seeds", "0", "--results", results);
        yield return Case("--seeds: must be at least 1", "train", "--seeds", "-3", "--results", results);
        yield return Case("--threads: must be at least 1", "train", "--threads", "0", "--results", results);
        yield return Case("--shard: '3/2' is not k/n", "train", "--shard", "3/2", "--results", results);
        yield return Case("--shard: '0/2' is not k/n", "train", "--shard", "0/2", "--results", results);
        yield return Case("--shard: 'half' is not k/n", "train", "--shard", "half", "--results", results);
        yield return Case("is a file, not a folder", "train", "--results", "<file>");
        yield return Case("--results: cannot write to '/proc/fashionbench'", "train", "--results", "/proc/fashionbench");
        yield return Case("--mirror: mirror directory does not exist", "data", "--mirror", "/nonexistent/mirror", "--offline");
        yield return Case("--libtorch: libtorch directory does not exist", "train", "--libtorch", "/nonexistent/libtorch", "--results", results);
        yield return Case("Unrecognized command or argument '--bogus'", "train", "--bogus", "1");
        yield return Case("Unrecognized command or argument 'trian'", "trian");
        yield return Case("Cannot parse argument 'many' for option '--seeds'", "train", "--seeds", "many");
        // Every path option follows one rule, checked before any work (these exited 70 with a trace).
        yield return Case("--results: '<file>' is a file, not a folder", "merge", "--results", "<file>", "<dir>");
        yield return Case("--results: '<file>' is a file, not a folder", "bench-train", "--model", "se-cnn", "--results", "<file>");
        yield return Case("--results: '<file>' is a file, not a folder", "plan", "--results", "<file>");
        yield return Case("--data-dir: '<file>' is a file, not a folder", "data", "--data-dir", "<file>", "--offline");
        yield return Case("--out: '<dir>' is a folder, not a file", "thresholds", "--from", "<dir>", "--out", "<dir>");
        yield return Case("--from: '<file>' is a file, not a folder", "thresholds", "--from", "<file>");
        yield return Case("--run: only for the worker processes", "train", "--run", "x", "--results", results);
        yield return Case("Argument 'bogus' not recognized. Must be one of: 'fashion-mnist' 'mnist' 'all'", "data", "--dataset", "bogus");
    }

    [TestCaseSource(nameof(Cases))]
    public void RejectedWithOneLine(string[] args, string expected)
    {
        string Fill(string s) => s.Replace("<file>", tempFile).Replace("<dir>", Path.GetTempPath().TrimEnd('/'));
        var (exit, _, err) = CliRun.Run(args.Select(Fill).ToArray());
        Assert.That(exit, Is.EqualTo(2), "a user error, not an unexpected one (70)");
        var errors = err.Where(l => !l.StartsWith("notice: ", StringComparison.Ordinal)).ToList();
        Assert.That(errors, Has.Count.EqualTo(1), string.Join("\n", err));
        Assert.That(errors[0], Does.StartWith("error: ").And.Contain(Fill(expected)));
        Assert.That(string.Join("\n", err), Does.Not.Contain("   at "));
    }

    [Test]
    public void CudaRequestedWithoutCudaIsOneLine()
    {
        if (TorchSharp.torch.cuda.is_available()) Assert.Ignore("this machine has CUDA");
        var (exit, _, err) = CliRun.Run("train", "--device", "cuda", "--results", Path.Combine(Path.GetTempPath(), "fb-badinput"));
        Assert.That(exit, Is.Not.EqualTo(0));
        Assert.That(err, Has.Length.EqualTo(1));
        Assert.That(err[0], Does.StartWith("error: --device: cuda requested but no CUDA device is usable"));
    }
}
