namespace FashionBench.Reports.Layout;

/// <summary>
/// The blocks of a report in reading order plus the PDF metadata. <paramref name="Created"/> is passed in (never
/// read from the clock here) so the same document always renders to the same bytes.
/// </summary>
public sealed class ReportDocument(string title, DateTimeOffset created, string? author = null, string? subject = null)
{
    private readonly List<Block> blocks = [];

    public string Title { get; } = title;
    public DateTimeOffset Created { get; } = created;
    public string? Author { get; } = author;
    public string? Subject { get; } = subject;
    public IReadOnlyList<Block> Blocks => blocks;

    /// <summary>Appends a block; returns this document so calls chain.</summary>
    public ReportDocument Add(Block block)
    {
        blocks.Add(block);
        return this;
    }
}
