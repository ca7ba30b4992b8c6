using FashionBench.Harness;
using NUnit.Framework;
using UglyToad.PdfPig;

namespace FashionBench.Tests.Reports;

/// <summary>The committed five-seed reference report, as a reader opens it from the repository.</summary>
[TestFixture]
public sealed class CommittedReportTests
{
    /// <summary>The report issue's budget: every documented model over five seeds in at most this many pages, the detail left to the CSVs.</summary>
    private const int PageBudget = 45;

    [Test]
    public void TheCommittedReferenceReportKeepsToItsPageBudget()
    {
        var path = Path.Combine(RepoRoot.Find(), "results", "reference", "documented", "report.pdf");
        using var pdf = PdfDocument.Open(path);
        Assert.That(pdf.NumberOfPages, Is.LessThanOrEqualTo(PageBudget), $"{path}: {pdf.NumberOfPages} pages");
        Assert.That(PdfText.Lines(pdf.GetPage(pdf.NumberOfPages)), Has.Some.EndsWith($"page {pdf.NumberOfPages} of {pdf.NumberOfPages}"));
    }
}
