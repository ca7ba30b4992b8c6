using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// Places a table row by row. A row never splits; when the next row does not fit, a new page starts with the
/// header row repeated, so every page of the table can be read on its own.
/// </summary>
internal static class TableLayout
{
    private const float PadX = 4;
    private const float PadY = 3;

    public static void Place(TableBlock table, LayoutState state)
    {
        var page = state.Paginator;
        var styles = state.Styles;
        var number = state.Tables.Count + 1;
        var columns = ColumnBounds(table.ColumnWidths, state.Left, state.Width);

        var caption = table.Caption is null ? [] : LineBreaker.Wrap(
            [($"Table {number}. ", styles.CaptionLabel), (table.Caption, styles.Caption)], state.Width);
        var header = WrapRow(table.Headers.Select(h => new TableCell(h, Bold: true)).ToArray(), columns, styles);
        var rows = table.Rows.Select(r => WrapRow(r, columns, styles)).ToList();

        var captionHeight = caption.Sum(l => l.Height) + (caption.Count > 0 ? 3 : 0);
        page.EnsureRoom(captionHeight + header.Height + (rows.Count > 0 ? rows[0].Height : 0));
        page.Space(4);
        page.AddLines(caption, state.Left);
        if (caption.Count > 0) page.Advance(3);

        var firstPage = page.PageNumber;
        PlaceRow(header, table, columns, ReportStyles.HeaderFill, state);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Height > page.Remaining)
            {
                page.NewPage();
                PlaceRow(header, table, columns, ReportStyles.HeaderFill, state);
            }
            PlaceRow(rows[i], table, columns, i % 2 == 1 ? ReportStyles.StripeFill : null, state);
        }
        state.Tables.Add(new TablePlacement(number, table.Headers, firstPage, page.PageNumber));
        page.Space(12);
    }

    private static (float Left, float Right)[] ColumnBounds(IReadOnlyList<float> fractions, float left, float width)
    {
        var total = fractions.Sum();
        var bounds = new (float, float)[fractions.Count];
        var x = left;
        for (var i = 0; i < fractions.Count; i++)
        {
            var w = width * fractions[i] / total;
            bounds[i] = (x, x + w);
            x += w;
        }
        return bounds;
    }

    private static WrappedRow WrapRow(IReadOnlyList<TableCell> cells, (float Left, float Right)[] columns, ReportStyles styles)
    {
        var wrapped = cells.Select((cell, i) =>
            LineBreaker.Wrap(cell.Text, cell.Bold ? styles.CellBold : styles.Cell, columns[i].Right - columns[i].Left - 2 * PadX)).ToArray();
        var textHeight = wrapped.Max(lines => lines.Sum(l => l.Height));
        return new WrappedRow(cells, wrapped, Math.Max(textHeight, styles.Cell.LineHeight) + 2 * PadY);
    }

    private static void PlaceRow(WrappedRow row, TableBlock table, (float Left, float Right)[] columns, SKColor? rowFill, LayoutState state)
    {
        var page = state.Paginator;
        var top = page.Y;
        var bottom = top + row.Height;
        if (rowFill is { } fill) page.Add(new RectItem(new SKRect(columns[0].Left, top, columns[^1].Right, bottom), fill));
        for (var c = 0; c < columns.Length; c++)
        {
            var (left, right) = columns[c];
            var cell = row.Cells[c];
            if (cell.Fill is { } cellFill) page.Add(new RectItem(new SKRect(left, top, right, bottom), cellFill));
            var y = top + PadY;
            foreach (var line in row.Lines[c])
            {
                var x = table.Alignments[c] switch
                {
                    SKTextAlign.Right => right - PadX - line.Width,
                    SKTextAlign.Center => (left + right - line.Width) / 2,
                    _ => left + PadX,
                };
                page.Add(new TextLineItem(line, x, y, cell.TextColor));
                y += line.Height;
            }
        }
        page.Add(RectItem.HorizontalRule(columns[0].Left, columns[^1].Right, bottom, ReportStyles.Rule));
        page.Advance(row.Height);
    }

    private sealed record WrappedRow(IReadOnlyList<TableCell> Cells, IReadOnlyList<List<TextLine>> Lines, float Height);
}
