using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// A table whose rows flow over as many pages as needed, repeating the header row at the top of each page.
/// Column widths are fractions of the content width (normalised, so {2, 1, 1} works too); cell text wraps.
/// </summary>
public sealed record TableBlock : Block
{
    public TableBlock(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<TableCell>> rows,
        IReadOnlyList<float> columnWidths, IReadOnlyList<SKTextAlign>? alignments = null, string? caption = null)
    {
        if (headers.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(headers));
        if (columnWidths.Count != headers.Count || columnWidths.Any(w => !(w > 0)))
            throw new ArgumentException($"need {headers.Count} positive column widths, got [{string.Join(", ", columnWidths)}]", nameof(columnWidths));
        if (alignments is not null && alignments.Count != headers.Count)
            throw new ArgumentException($"need {headers.Count} alignments, got {alignments.Count}", nameof(alignments));
        var badRow = rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Count != headers.Count);
        if (badRow.r is not null)
            throw new ArgumentException($"row {badRow.i} has {badRow.r.Count} cells, the table has {headers.Count} columns", nameof(rows));
        Headers = headers;
        Rows = rows;
        ColumnWidths = columnWidths;
        Alignments = alignments ?? headers.Select(_ => SKTextAlign.Left).ToArray();
        Caption = caption;
    }

    public IReadOnlyList<string> Headers { get; }
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows { get; }
    public IReadOnlyList<float> ColumnWidths { get; }
    public IReadOnlyList<SKTextAlign> Alignments { get; }

    /// <summary>Shown above the table as "Table n. caption" when given.</summary>
    public string? Caption { get; }
}
