using FashionBench.Reports.Layout;
using NUnit.Framework;
using SkiaSharp;
using UglyToad.PdfPig;

namespace FashionBench.Tests.Reports;

/// <summary>Small documents: reproducible bytes, font fallback, blank-figure control and argument checks.</summary>
[TestFixture]
public sealed class ReportLayoutTests
{
    private static readonly DateTimeOffset Created = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void SameDocumentRendersToTheSameBytes()
    {
        using var fonts = ReportFonts.Load(_ => { });
        byte[] Render()
        {
            var doc = new ReportDocument("same bytes", Created).Add(new TableOfContentsBlock());
            // Vector plots (confusion matrix, bars) and bitmaps (image grid): three charts keep the test quick.
            foreach (var (heading, height, chart) in SampleReport.Charts(new Random(42)).Skip(1).Take(3))
                doc.Add(new HeadingBlock(heading)).Add(new FigureBlock(height, chart.Draw, heading));
            using var stream = new MemoryStream();
            new PdfReportWriter(fonts).Write(doc, stream);
            return stream.ToArray();
        }
        Assert.That(Render(), Is.EqualTo(Render()));
    }

    [Test]
    public void MissingFontFilesFallBackWithOneNotice()
    {
        var notices = new List<string>();
        using var fonts = ReportFonts.Load(notices.Add, "/nonexistent/DejaVuSans.ttf", "/nonexistent/DejaVuSans-Bold.ttf");
        Assert.That(notices, Has.Count.EqualTo(1));
        Assert.That(notices[0], Does.Contain("/nonexistent/DejaVuSans.ttf").And.Contain("default typeface"));

        using var stream = new MemoryStream();
        var doc = new ReportDocument("fallback", Created).Add(new HeadingBlock("Still readable")).Add(new ParagraphBlock("Body text."));
        new PdfReportWriter(fonts).Write(doc, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        Assert.That(pdf.GetPage(1).Text, Does.Contain("Still readable"));
    }

    [Test]
    public void WriteToPathLeavesOnlyTheFinishedPdf()
    {
        var folder = Directory.CreateTempSubdirectory("fashionbench-report-").FullName;
        try
        {
            using var fonts = ReportFonts.Load(_ => { });
            var path = Path.Combine(folder, "out.pdf");
            var result = new PdfReportWriter(fonts).Write(new ReportDocument("t", Created).Add(new ParagraphBlock("x")), path);
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EqualTo(new[] { "out.pdf" }));
            Assert.That(result.PageCount, Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void BlankFigureMeasuresAsBlank()
    {
        // Control for the chart test: the ink measure must report an empty figure as empty.
        PageRaster.RequirePdftoppm();
        var folder = Directory.CreateTempSubdirectory("fashionbench-report-").FullName;
        try
        {
            using var fonts = ReportFonts.Load(_ => { });
            var path = Path.Combine(folder, "blank.pdf");
            var layout = new PdfReportWriter(fonts).Write(
                new ReportDocument("blank", Created).Add(new FigureBlock(200, (_, _) => { }, "nothing drawn")), path);
            using var page = PageRaster.Render(path, 1, 60, Path.Combine(folder, "blank"));
            Assert.That(PageRaster.InkFraction(page, layout.Figures[0].Bounds, 60), Is.LessThan(0.001));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void FigureDrawingIsClippedToItsRectangle()
    {
        PageRaster.RequirePdftoppm();
        var folder = Directory.CreateTempSubdirectory("fashionbench-report-").FullName;
        try
        {
            using var fonts = ReportFonts.Load(_ => { });
            var path = Path.Combine(folder, "clip.pdf");
            using var red = new SKPaint { Color = SKColors.Red };
            var doc = new ReportDocument("clip", Created)
                .Add(new ParagraphBlock("Text above the figure."))
                .Add(new FigureBlock(100, (canvas, _) => canvas.DrawPaint(red), "paints the whole canvas"))
                .Add(new ParagraphBlock("Text below the figure."));
            var figure = new PdfReportWriter(fonts).Write(doc, path).Figures[0].Bounds;
            using var page = PageRaster.Render(path, 1, 60, Path.Combine(folder, "clip"));
            Assert.That(PageRaster.InkFraction(page, figure, 60), Is.GreaterThan(0.95));
            var content = PageSetup.A4Portrait.Content;
            Assert.That(PageRaster.InkFraction(page, new SKRect(content.Left, content.Top, content.Right, figure.Top - 1), 60), Is.LessThan(0.3));
            Assert.That(PageRaster.InkFraction(page, new SKRect(content.Left, figure.Bottom + 1, content.Right, content.Bottom), 60), Is.LessThan(0.05));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void FigureTallerThanAPageIsRejected()
    {
        using var fonts = ReportFonts.Load(_ => { });
        var doc = new ReportDocument("tall", Created).Add(new FigureBlock(900, (_, _) => { }, "too tall"));
        Assert.That(() => new PdfReportWriter(fonts).Write(doc, Stream.Null),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("too tall"));
    }

    [Test]
    public void TableArgumentsAreChecked()
    {
        Assert.That(() => new TableBlock(["a", "b"], [], [1f]), Throws.ArgumentException.With.Message.Contains("2 positive column widths"));
        Assert.That(() => new TableBlock(["a", "b"], [["only one"]], [1f, 1f]), Throws.ArgumentException.With.Message.Contains("row 0 has 1 cells"));
        Assert.That(() => new HeadingBlock("x", 4), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void WideTableCellTextWrapsInsideItsColumn()
    {
        using var fonts = ReportFonts.Load(_ => { });
        using var stream = new MemoryStream();
        var longText = string.Join(" ", Enumerable.Repeat("wrapped", 30));
        var doc = new ReportDocument("cells", Created).Add(new TableBlock(["narrow", "wide"], [[longText, "x"]], [1f, 3f]));
        new PdfReportWriter(fonts).Write(doc, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var narrowRight = PageSetup.A4Portrait.Content.Left + PageSetup.A4Portrait.Content.Width / 4;
        var words = pdf.GetPage(1).GetWords().Where(w => w.Text == "wrapped").ToList();
        Assert.That(words, Has.Count.EqualTo(30));
        Assert.That(words.Max(w => w.BoundingBox.Right), Is.LessThanOrEqualTo(narrowRight));
        Assert.That(words.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count(), Is.GreaterThan(3));
    }
}
