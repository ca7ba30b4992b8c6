using UglyToad.PdfPig.Content;

namespace FashionBench.Tests.Reports;

/// <summary>Text lines of a PDF page as PdfPig reads them: words on the same baseline, left to right, top to bottom.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Lines(Page page) =>
        page.GetWords()
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))
            .ToList();
}
