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

    /// <summary>
    /// A heading is never left at the foot of a page while its figure moves to the next: the room it keeps is the
    /// figure's with its whole caption (three lines here), at every height that puts the figure near the page's end.
    /// </summary>
    [Test]
    public void AHeadingMovesWithItsFigureAndTheFiguresLongCaption()
    {
        using var fonts = ReportFonts.Load(_ => { });
        var caption = string.Join(" ", Enumerable.Repeat("a caption long enough to wrap onto three lines of the page's width", 4));
        for (var height = 150f; height <= 320; height += 5)
        {
            var doc = new ReportDocument("keep", Created)
                .Add(new FigureBlock(400, (_, _) => { }, "filler"))
                .Add(new HeadingBlock("Errors side by side"))
                .Add(new FigureBlock(height, (_, _) => { }, caption));
            var layout = new PdfReportWriter(fonts).Write(doc, Stream.Null);
            Assert.That(layout.Headings.Single(h => h.Text == "Errors side by side").PageNumber, Is.EqualTo(layout.Figures[1].PageNumber),
                $"a figure {height} pt tall");
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

    /// <summary>
    /// Compound ids in narrow columns (a write-up's five models as per-class F1 headers) wrap after a hyphen instead of
    /// being cut mid-word; class names, ablation names and signed numbers keep their hyphens whole.
    /// </summary>
    [Test]
    public void CompoundIdsWrapAfterAHyphenAndNothingIsCut()
    {
        using var fonts = ReportFonts.Load(_ => { });
        string[] models = ["relu-maxpool-adam", "leakyrelu-maxpool-adam", "relu-strided-adam", "leakyrelu-strided-adam", "relu-maxpool-sgd"];
        var doc = new ReportDocument("ids", Created).Add(new TableBlock(["Class", .. models],
            [["T-shirt/top", "0.8800", "-1.67", "no-aug", "lr-0.01", "Hyper-parameter"], ["Ankle boot", "0.9688", "0.9687", "0.9620", "0.9697", "0.9663"]],
            [1.5f, 1, 1, 1, 1, 1], caption: "per-class F1"));
        using var stream = new MemoryStream();
        var layout = new PdfReportWriter(fonts).Write(doc, stream);
        Assert.That(layout.Tables.Single().CutWords, Is.Zero);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.That(words, Has.Some.StartsWith("maxpool-"), string.Join(" | ", words));
        Assert.That(words, Does.Contain("leakyrelu-").And.Contain("T-shirt/top").And.Contain("-1.67").And.Contain("no-aug").And.Contain("lr-0.01").And.Contain("Hyper-parameter"),
            string.Join(" | ", words));
    }

    [Test]
    public void WideTableCellTextWrapsInsideItsColumn()
    {
        using var fonts = ReportFonts.Load(_ => { });
        using var stream = new MemoryStream();
        // Both cells wrap, so neither column has room to spare and they keep their 1 : 3 proportions.
        var longText = string.Join(" ", Enumerable.Repeat("wrapped", 30));
        var doc = new ReportDocument("cells", Created).Add(new TableBlock(["narrow", "wide"], [[longText, string.Join(" ", Enumerable.Repeat("filler", 90))]], [1f, 3f]));
        new PdfReportWriter(fonts).Write(doc, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var narrowRight = PageSetup.A4Portrait.Content.Left + PageSetup.A4Portrait.Content.Width / 4;
        var words = pdf.GetPage(1).GetWords().Where(w => w.Text == "wrapped").ToList();
        Assert.That(words, Has.Count.EqualTo(30));
        Assert.That(words.Max(w => w.BoundingBox.Right), Is.LessThanOrEqualTo(narrowRight));
        Assert.That(words.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count(), Is.GreaterThan(3));
    }

    /// <summary>
    /// A column whose cells are all one line with room to spare gives that room to a column that wraps: the wrapped
    /// cell takes fewer lines, and the short cells and the header stay on one line each.
    /// </summary>
    [Test]
    public void RoomAColumnDoesNotNeedGoesToAColumnThatWraps()
    {
        using var fonts = ReportFonts.Load(_ => { });
        var text = string.Join(" ", Enumerable.Repeat("wrapped", 10));
        var doc = new ReportDocument("room", Created).Add(new TableBlock(["claim", "verdict"], [[text, "held"], ["short", "did not hold"]], [1f, 1f]));
        using var stream = new MemoryStream();
        new PdfReportWriter(fonts).Write(doc, stream);
        using var pdf = PdfDocument.Open(stream.ToArray());
        var words = pdf.GetPage(1).GetWords().ToList();
        var half = PageSetup.A4Portrait.Content.Left + PageSetup.A4Portrait.Content.Width / 2;
        var wrapped = words.Where(w => w.Text == "wrapped").ToList();
        Assert.That(wrapped.Max(w => w.BoundingBox.Right), Is.GreaterThan(half), "the claim column widened past its half");
        Assert.That(wrapped.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count(), Is.EqualTo(1), "and its text fits on one line");
        var verdictLines = words.Where(w => w.Text is "verdict" or "did" or "not" or "hold" or "held").GroupBy(w => Math.Round(w.BoundingBox.Bottom)).ToList();
        Assert.That(verdictLines, Has.Count.EqualTo(3), "header, 'held' and 'did not hold' one line each");
    }
}
