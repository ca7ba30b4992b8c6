using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Robustness;

/// <summary>Output to a pipe or file is plain text: no ANSI codes, and tables are not wrapped at 80 columns.</summary>
public class PipedOutputTests
{
    [Test]
    public void APipedTableHasNoEscapeCodesAndOneLinePerModel()
    {
        using var process = CliProcess.Start("models");
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero);
        Assert.That(stdout, Does.Not.Contain("\u001b["), "no ANSI escape sequences in piped output");
        var lines = stdout.Split('\n');
        foreach (var spec in ModelCatalog.All)
            Assert.That(lines, Has.Exactly(1).Contains($" {spec.Id} ").And.Contains(spec.Source.Length > 20 ? spec.Source[..20] : spec.Source),
                $"{spec.Id}: its row, source included, is on one line");
    }
}
