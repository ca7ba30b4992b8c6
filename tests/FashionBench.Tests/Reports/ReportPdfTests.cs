using System.Globalization;
using System.Text.RegularExpressions;
using FashionBench.Reports.Layout;
using NUnit.Framework;
using UglyToad.PdfPig;

namespace FashionBench.Tests.Reports;

/// <summary>Renders the sample report once and checks the PDF as a reader sees it: text, pages, footers, pixels.</summary>
[TestFixture]
public sealed partial class ReportPdfTests
{
    private const int Dpi = 60;

    private string folder = "";
    private string pdfPath = "";
    private ReportLayout layout = null!;
    private readonly List<string> notices = [];
    private List<IReadOnlyList<string>> pageLines = [];

    [OneTimeSetUp]
    public void RenderSample()
    {
        folder = Directory.CreateTempSubdirectory("fashionbench-report-").FullName;
        pdfPath = Path.Combine(folder, "report.pdf");
        using var fonts = ReportFonts.Load(notices.Add);
        layout = new PdfReportWriter(fonts).Write(SampleReport.Build(), pdfPath);
        using var pdf = PdfDocument.Open(pdfPath);
        pageLines = pdf.GetPages().Select(PdfText.Lines).ToList();
    }

    [OneTimeTearDown]
    public void Clean() => Directory.Delete(folder, recursive: true);

    [Test]
    public void FontsLoadWithoutNoticeWhereDejaVuIsInstalled()
    {
        if (!File.Exists(ReportFonts.DejaVuSansPath)) Assert.Ignore($"{ReportFonts.DejaVuSansPath} is not installed here");
        Assert.That(notices, Is.Empty);
    }

    [Test]
    public void PdfOpensWithMetadataAndTheLaidOutPageCount()
    {
        using var pdf = PdfDocument.Open(pdfPath);
        Assert.That(pdf.NumberOfPages, Is.EqualTo(layout.PageCount));
        Assert.That(pdf.Information.Title, Is.EqualTo("FashionBench synthetic report"));
        Assert.That(pdf.Information.CreationDate, Does.StartWith("D:20250102030405"));

        // Title + contents page, provenance page, the table's pages, then the chart pages, each started by a page break.
        var table = layout.Tables.Single();
        var chartPages = layout.Figures.Select(f => f.PageNumber).Distinct().Count();
        Assert.That(table.FirstPage, Is.EqualTo(3));
        Assert.That(layout.Figures[0].PageNumber, Is.EqualTo(table.LastPage + 1));
        Assert.That(layout.PageCount, Is.EqualTo(2 + (table.LastPage - table.FirstPage + 1) + chartPages));
    }

    [Test]
    public void EveryPageHasPageKOfNFooter()
    {
        for (var k = 1; k <= pageLines.Count; k++)
            Assert.That(pageLines[k - 1], Has.Some.EndsWith(string.Create(CultureInfo.InvariantCulture, $"page {k} of {pageLines.Count}")), $"page {k}");
    }

    [Test]
    public void TableOfContentsListsEveryHeadingWithThePageItIsOn()
    {
        var headings = SampleReport.Sections.Concat(SampleReport.SubSections).ToList();
        Assert.That(layout.Headings.Select(h => h.Text), Is.EquivalentTo(headings));
        var contents = pageLines[0];
        Assert.That(contents, Has.Some.EqualTo("Contents"));
        foreach (var heading in headings)
        {
            // Where the heading really is: the first page after the contents page whose lines include it.
            var actualPage = Enumerable.Range(2, pageLines.Count - 1).First(p => pageLines[p - 1].Contains(heading));
            var entry = contents.SingleOrDefault(l => l.StartsWith(heading + " ", StringComparison.Ordinal));
            Assert.That(entry, Is.Not.Null, $"no contents line for '{heading}'");
            Assert.That(PageNumberAtEnd().Match(entry!).Groups[1].Value, Is.EqualTo(actualPage.ToString(CultureInfo.InvariantCulture)), entry);
        }
    }

    [Test]
    public void TableSplitsOverPagesRepeatingTheHeaderAndKeepingEveryRowOnce()
    {
        var table = layout.Tables.Single();
        Assert.That(table.LastPage - table.FirstPage, Is.GreaterThanOrEqualTo(2), "120 rows should need at least three pages");
        for (var p = table.FirstPage; p <= table.LastPage; p++)
            Assert.That(pageLines[p - 1], Has.Some.StartsWith(SampleReport.TableFirstHeader + " Model Accuracy (%) Verdict"), $"header on page {p}");

        var rowLabels = pageLines.SelectMany(lines => lines).Select(l => RowLabel().Match(l)).Where(m => m.Success).Select(m => m.Value).ToList();
        var expected = Enumerable.Range(1, SampleReport.TableRows).Select(i => $"row {i:000}");
        Assert.That(rowLabels, Is.EqualTo(expected));
    }

    [Test]
    public void ParagraphTextWrapsInsideTheMargins()
    {
        using var pdf = PdfDocument.Open(pdfPath);
        var page = pdf.GetPage(2);
        var content = PageSetup.A4Portrait.Content;
        Assert.That(pageLines[1].Count(l => l.Contains("Filler words")), Is.GreaterThanOrEqualTo(3), "the long paragraph should wrap");
        Assert.That(string.Join(" ", pageLines[1]), Does.Contain("Bold runs sit inside ordinary text and the wrapping must keep"));
        Assert.That(page.Letters.Max(l => l.BoundingBox.Right), Is.LessThanOrEqualTo(content.Right + 0.5));
        Assert.That(page.Letters.Min(l => l.BoundingBox.Left), Is.GreaterThanOrEqualTo(content.Left - 0.5));
    }

    [Test]
    public void KeyValuesShowKeysBesideValues()
    {
        Assert.That(pageLines[1], Has.Some.EqualTo("seed 42"));
        Assert.That(pageLines[1], Has.Some.StartsWith("versions .NET 10.0, TorchSharp"));
        // The long path is cut between characters over several lines, losing nothing.
        var dataLines = pageLines[1].SkipWhile(l => !l.StartsWith("data /cache", StringComparison.Ordinal)).Take(3).ToList();
        Assert.That(dataLines, Has.Count.EqualTo(3));
        Assert.That(string.Concat(dataLines)[5..], Does.StartWith(SampleReport.LongPath[..200]));
    }

    [Test]
    public void EveryChartDrawsInItsFigure()
    {
        PageRaster.RequirePdftoppm();
        Assert.That(layout.Figures, Has.Count.EqualTo(6));
        foreach (var group in layout.Figures.GroupBy(f => f.PageNumber))
        {
            using var bitmap = PageRaster.Render(pdfPath, group.Key, Dpi, Path.Combine(folder, $"page{group.Key}"));
            foreach (var figure in group)
                Assert.That(PageRaster.InkFraction(bitmap, figure.Bounds, Dpi), Is.GreaterThan(0.03), $"figure {figure.Number} '{figure.Caption}' looks blank");
        }
    }

    [GeneratedRegex(@"(\d+)$")]
    private static partial Regex PageNumberAtEnd();

    [GeneratedRegex(@"^row \d{3}")]
    private static partial Regex RowLabel();
}
