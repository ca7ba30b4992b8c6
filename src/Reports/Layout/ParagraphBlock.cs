namespace FashionBench.Reports.Layout;

/// <summary>Body text wrapped at word boundaries to the content width; may continue on the next page.</summary>
public sealed record ParagraphBlock(IReadOnlyList<TextRun> Runs) : Block
{
    /// <summary>A paragraph in one weight.</summary>
    public ParagraphBlock(string text, bool bold = false) : this([new TextRun(text, bold)]) { }
}
