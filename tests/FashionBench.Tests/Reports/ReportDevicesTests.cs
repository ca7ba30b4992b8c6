using FashionBench.Harness.Runs;
using FashionBench.Tests.Reports.Builder;
using NUnit.Framework;

namespace FashionBench.Tests.Reports;

/// <summary>
/// Which device a row is on: a report of one device names it once, under its title; a report that mixes devices
/// names it after every model and finding that is not on the CPU.
/// </summary>
public sealed class ReportDevicesTests
{
    static IEnumerable<SyntheticRun> Runs(string device) =>
        [new("mnist-8k/model1", 1, 0.95, device), new("mnist-8k/model3", 1, 0.97, device)];

    [Test]
    public void AOneDeviceReportNamesItsDeviceOnceUnderItsTitle()
    {
        using var fixture = new ReportFixture(Profile.Get("documented"), Runs("cuda"), withBenchFiles: false);
        Assert.That(fixture.Pages[0].Take(4), Has.Some.Contains("2 runs of 2 models on cuda ·"));
        Assert.That(fixture.AllText, Does.Not.Contain("(cuda)"));
    }

    [Test]
    public void AMixedReportNamesTheDeviceOfEveryRowNotOnTheCpu()
    {
        using var fixture = new ReportFixture(Profile.Get("documented"), [.. Runs("cpu"), .. Runs("cuda")], withBenchFiles: false);
        Assert.That(fixture.Pages[0].Take(4), Has.Some.Contains("4 runs of 2 models on cpu and cuda ·"));
        Assert.That(fixture.AllText, Does.Contain("mnist-8k/model1 (cuda)").And.Contain("model 3 performs best (against model 1) (cuda)"));
        Assert.That(fixture.AllText, Does.Not.Contain("(cpu)"));
    }
}
