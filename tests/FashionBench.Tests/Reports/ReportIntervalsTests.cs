using FashionBench.Harness.Runs;
using FashionBench.Tests.Reports.Builder;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>How a claim's interval is printed: mean ± half, or, where it was cut at 0 or 100 %, its two ends.</summary>
public sealed class ReportIntervalsTests
{
    [Test]
    public void AnIntervalCutAtTheBoundsIsPrintedByItsEnds()
    {
        // mnist-8k/model1 over three seeds far apart (the interval would reach past both ends), model3 over three close ones.
        using var fixture = new ReportFixture(Profile.Get("documented"),
            [new("mnist-8k/model1", 1, 0.30), new("mnist-8k/model1", 2, 0.95), new("mnist-8k/model1", 3, 0.96),
             new("mnist-8k/model3", 1, 0.97), new("mnist-8k/model3", 2, 0.971), new("mnist-8k/model3", 3, 0.972)], withBenchFiles: false);
        var text = fixture.Words;
        Assert.That(text, Does.Match(@"\d+\.\d\d % \[0\.0–100\.0\]"), "model1: cut at both ends");
        Assert.That(text, Does.Match(@"97\.\d\d ± \d\.\d\d % \(3\)"), "model3: mean ± half");
        Assert.That(text, Does.Not.Match(@"± \d{2,}\.\d\d %"), "no half-width reaching past the bounds");
    }
}
