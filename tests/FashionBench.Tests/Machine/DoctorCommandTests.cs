using FashionBench.Tests.Cli;
using NUnit.Framework;

namespace FashionBench.Tests.Machine;

/// <summary>`fashionbench doctor`: the whole self-check table, the caches oneDNN blocks by, and which convolutions this machine gets.</summary>
public class DoctorCommandTests
{
    [Test, Category("Integration")]
    public void PrintsEveryCheckWithItsToleranceAndTheVerdict()
    {
        var (exit, lines, _) = CliRun.Run("doctor", "--threads", "1");
        Assert.That(exit, Is.EqualTo(0), string.Join("\n", lines));
        Assert.That(lines, Has.Some.StartsWith("CPU ").And.Some.StartsWith("caches (CPUID)").And.Some.StartsWith("convolutions"));
        Assert.That(lines, Has.Some.Matches(@"^caches \(oneDNN\) (L1 \d+ KiB shared by \d|none: oneDNN blocks by its own guessed sizes \((CPUID|FASHIONBENCH_ONEDNN_L1) gave)"),
            "what oneDNN blocks by, read from oneDNN itself");
        Assert.That(lines, Has.Some.Matches(@"^conv 10→10 7×7 on 7×7\s+dX\s+\d\.\de[-+]\d\d\s+1e-3\s+yes\s+ok$"));
        Assert.That(lines, Has.Some.Matches(@"^model se-resnet\s+dW \(all layers\)\s+\d\.\de[-+]\d\d\s+2e-1\s+yes\s+ok$"));
        Assert.That(lines, Has.Some.Matches(@"^model se-resnet\s+logits\s+\d\.\de[-+]\d\d\s+1e-3\s+yes\s+ok$"));
        Assert.That(lines[^1], Does.StartWith("passed — passed: ").And.Contain("1 thread(s)"));
    }

    [Test]
    public void ABadThreadCountIsOneLine()
    {
        var (exit, _, err) = CliRun.Run("doctor", "--threads", "0");
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Is.EqualTo(new[] { "error: --threads: must be at least 1, got 0" }));
    }
}
