using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Tests.Reports.Builder;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>
/// A documented report with a claim that did not hold and two probes of it, one that reproduces the claim and one
/// that does not: the probes get no pages or summary rows of their own, and the first section's probes table and
/// conclusion say what they found.
/// </summary>
public sealed class ReportProbesTests
{
    ReportFixture fixture = null!;

    static IEnumerable<SyntheticRun> Seeds(string model, double accuracy) => [new(model, 1, accuracy), new(model, 2, accuracy), new(model, 3, accuracy)];

    [OneTimeSetUp]
    public void Render() => fixture = new ReportFixture(Profile.Get("documented"),
    [
        .. Seeds("fashion-cnn/no-aug", 0.75), .. Seeds("fashion-cnn/no-aug+no-restore", 0.97), .. Seeds("fashion-cnn/no-aug+constant-lr", 0.74),
    ], withBenchFiles: false);

    [OneTimeTearDown]
    public void Clean() => fixture.Dispose();

    [Test]
    public void TheProbesAreJudgedOnTheSameClaimAndTheConclusionNamesTheOneThatHolds()
    {
        var verdicts = CsvFile.Read<VerdictLine>(Path.Combine(fixture.Store.ProfileDir, "verdicts.csv"));
        VerdictLine Of(string model) => verdicts.Single(v => v.Model == model && v.Claim == "test accuracy");
        Assert.That((Of("fashion-cnn/no-aug").Verdict, Of("fashion-cnn/no-aug+no-restore").Verdict, Of("fashion-cnn/no-aug+constant-lr").Verdict),
            Is.EqualTo(("did not hold", "held", "did not hold")));
        Assert.That(Of("fashion-cnn/no-aug+no-restore").ProbeOf, Is.EqualTo("fashion-cnn/no-aug"));

        var text = fixture.Words;
        Assert.That(text, Does.Contain("Probes of the claims that did not hold"));
        var noRestore = ModelCatalog.Find("fashion-cnn/no-aug+no-restore")!.ProbeChange;
        Assert.That(text, Does.Contain($"fashion-cnn/no-aug, test accuracy and macro F1: did not hold under our choices; holds with {noRestore} (3 seeds, exceeding it)."));
        Assert.That(text, Does.Not.Contain("no plausible choice"));
        Assert.That(fixture.Outcome.Layout.Headings.Select(h => h.Text), Has.None.Contains("+"), "probes have no sections of their own");
        var summary = fixture.Outcome.Layout.Tables.Single(t => t.Headers.Contains("vs ref. (pp)"));
        var summaryText = string.Join("\n", Enumerable.Range(summary.FirstPage, summary.LastPage - summary.FirstPage + 1).SelectMany(p => fixture.Pages[p - 1]));
        Assert.That(summaryText, Does.Contain("fashion-cnn/no-aug 3 ").And.Not.Contain("fashion-cnn/no-aug+"), "nor rows in the summary tables");
    }
}
