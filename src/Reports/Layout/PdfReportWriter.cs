using System.Globalization;
using FashionBench.Harness;
using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to PDF in two passes: layout decides every page (so the table of contents
/// and the "page k of n" footers know their numbers), then each page is drawn with SkiaSharp's PDF backend.
/// </summary>
public sealed class PdfReportWriter(ReportFonts fonts, PageSetup? setup = null)
{
    private readonly PageSetup page = setup ?? PageSetup.A4Portrait;

    /// <summary>Writes the PDF to <paramref name="path"/> atomically (temp file, then rename).</summary>
    public ReportLayout Write(ReportDocument document, string path)
    {
        ReportLayout? layout = null;
        AtomicFile.Write(path, stream => layout = Write(document, stream));
        return layout!;
    }

    /// <summary>Writes the PDF to <paramref name="output"/>, which stays open.</summary>
    public ReportLayout Write(ReportDocument document, Stream output)
    {
        using var styles = new ReportStyles(fonts);
        var layout = DocumentLayout.Run(document, styles, page);
        var summary = layout.Summary;

        // Creation and modification dates both come from the document, so the bytes do not depend on the clock.
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = document.Title;
        metadata.Author = document.Author ?? "";
        metadata.Subject = document.Subject ?? "";
        metadata.Creator = "FashionBench";
        metadata.Producer = "FashionBench (SkiaSharp PDF)";
        metadata.Creation = document.Created.UtcDateTime;
        metadata.Modified = document.Created.UtcDateTime;

        using (var pdf = SKDocument.CreatePdf(output, metadata))
        {
            for (var i = 0; i < layout.Pages.Count; i++)
            {
                var context = new PageContext(i + 1, summary.PageCount, summary.Headings);
                var canvas = pdf.BeginPage(page.Width, page.Height);
                foreach (var item in layout.Pages[i]) item.Draw(canvas, context);
                DrawFooter(canvas, document.Title, context, styles);
                pdf.EndPage();
            }
            pdf.Close();
        }
        return summary;
    }

    private void DrawFooter(SKCanvas canvas, string title, PageContext context, ReportStyles styles)
    {
        var content = page.Content;
        var ruleY = content.Bottom + 14;
        using var paint = new SKPaint { Color = ReportStyles.Rule, StrokeWidth = 0.5f, IsAntialias = true };
        canvas.DrawLine(content.Left, ruleY, content.Right, ruleY, paint);

        var baseline = ruleY + 4 + styles.Footer.BaselineOffset;
        paint.Color = styles.Footer.Color;
        var pageText = string.Create(CultureInfo.InvariantCulture, $"page {context.PageNumber} of {context.PageCount}");
        canvas.DrawText(pageText, content.Right, baseline, SKTextAlign.Right, styles.Footer.Font, paint);
        var titleWidth = content.Width - styles.Footer.Measure(pageText) - 24;
        canvas.DrawText(styles.Footer.Ellipsize(title, titleWidth), content.Left, baseline, SKTextAlign.Left, styles.Footer.Font, paint);
    }
}
