using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// Places a table row by row. A row never splits; when the next row does not fit, a new page starts with the
/// header row repeated, so every page of the table can be read on its own, and a table starts on a new page rather
/// than leave its header with fewer than <see cref="RowsWithHeader"/> rows at a page foot.
/// <para>Column widths start from the block's proportions and then follow the content: no column is narrower than its
/// widest word (a number, an id, a header word; where whole ids do not fit, an id's widest piece between hyphens), which
/// is never cut, unless that word is wider than <see cref="LongestUncutWord"/> of the table (paths, hashes); the room
/// comes from the columns with room to spare.</para>
/// </summary>
internal static class TableLayout
{
    private const float PadX = 4;
    private const float PadY = 2f;
    public const int RowsWithHeader = 3;
    public const float LongestUncutWord = 0.4f;

    public static void Place(TableBlock table, LayoutState state)
    {
        var page = state.Paginator;
        var styles = state.Styles;
        // Only captioned tables are numbered, so the first caption reads "Table 1".
        var number = table.Caption is null ? 0 : state.Tables.Count(t => t.Number > 0) + 1;
        var columns = ColumnBounds(Widths(table, styles, state.Width), state.Left);

        var caption = table.Caption is null ? [] : LineBreaker.Wrap(
            [($"Table {number}. ", styles.CaptionLabel), (table.Caption, styles.Caption)], state.Width);
        var longest = state.Width * LongestUncutWord;
        var header = WrapRow(table.Headers.Select(h => new TableCell(h, Bold: true)).ToArray(), columns, styles, longest);
        var rows = table.Rows.Select(r => WrapRow(r, columns, styles, longest)).ToList();

        var captionHeight = caption.Sum(l => l.Height) + (caption.Count > 0 ? 3 : 0);
        page.EnsureRoom(captionHeight + header.Height + rows.Take(RowsWithHeader).Sum(r => r.Height));
        page.Space(4);
        page.AddLines(caption, state.Left);
        if (caption.Count > 0) page.Advance(3);

        var firstPage = page.PageNumber;
        var rowsOnFirstPage = 0;
        PlaceRow(header, table, columns, ReportStyles.HeaderFill, state);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Height > page.Remaining)
            {
                page.NewPage();
                PlaceRow(header, table, columns, ReportStyles.HeaderFill, state);
            }
            if (page.PageNumber == firstPage) rowsOnFirstPage++;
            PlaceRow(rows[i], table, columns, i % 2 == 1 ? ReportStyles.StripeFill : null, state);
        }
        var cutWords = rows.Prepend(header).Sum(r => r.CutWords);
        state.Tables.Add(new TablePlacement(number, table.Headers, firstPage, page.PageNumber, rows.Count, rowsOnFirstPage, cutWords));
        page.Space(12);
    }

    /// <summary>
    /// Column widths in points: the block's proportions of <paramref name="width"/>, then every column widened to its
    /// widest word (capped at <see cref="LongestUncutWord"/>), the room taken from the other columns in proportion to
    /// what they have beyond their own widest word. When the words alone overfill the width, they share it in proportion.
    /// Last, room no row needs goes to the columns whose cells wrap (<see cref="Unwrap"/>).
    /// </summary>
    public static float[] Widths(TableBlock table, ReportStyles styles, float width) => Unwrap(table, styles, Fitted(table, styles, width));

    private static float[] Fitted(TableBlock table, ReportStyles styles, float width)
    {
        var total = table.ColumnWidths.Sum();
        var preferred = table.ColumnWidths.Select(f => width * f / total).ToArray();
        // Ids stay whole where the table has room for them; only where it has not do they break after their hyphens.
        float[] Minimum(Func<string, IEnumerable<string>> pieces) => Enumerable.Range(0, preferred.Length).Select(c =>
            Math.Min(width * LongestUncutWord, Padded(WidestWord(table, c, styles, pieces)))).ToArray();
        var minimum = Minimum(word => [word]);
        if (minimum.Sum() >= width) minimum = Minimum(LineBreaker.Pieces);
        var needed = minimum.Sum();
        if (needed >= width) return minimum.Select(m => width * m / needed).ToArray();
        var deficit = preferred.Zip(minimum, (p, m) => Math.Max(0, m - p)).Sum();
        if (deficit == 0) return preferred;
        var spare = preferred.Zip(minimum, (p, m) => Math.Max(0, p - m)).Sum();
        return preferred.Zip(minimum, (p, m) => p < m ? m : p - (p - m) / spare * deficit).ToArray();
    }

    /// <summary>
    /// Room no row needs, given to rows that wrap: first to the columns with a cell that wraps, then to those whose header
    /// wraps, each in proportion to what it lacks for one line (<see cref="Give"/>). No row grows, and a wrapped cell or
    /// header wraps less or not at all.
    /// </summary>
    private static float[] Unwrap(TableBlock table, ReportStyles styles, float[] widths)
    {
        var cells = Enumerable.Range(0, widths.Length).Select(c => OneLine(table.Rows.Select(r => r[c]), styles)).ToArray();
        var headers = table.Headers.Select(h => OneLine([new TableCell(h, Bold: true)], styles)).ToArray();
        widths = Give(table, styles, widths, cells);
        return Give(table, styles, widths, cells.Zip(headers, Math.Max).ToArray());
    }

    /// <summary>
    /// Width moved to the columns narrower than their <paramref name="need"/>, from those wider than it and than what
    /// keeps their header to as many lines as it has.
    /// </summary>
    private static float[] Give(TableBlock table, ReportStyles styles, float[] widths, float[] need)
    {
        var spare = widths.Select((w, c) => Math.Max(0, w - Math.Max(need[c], Padded(LineBreaker.Wrap(table.Headers[c], styles.CellBold, w - 2 * PadX)
            .Select(l => l.Width).DefaultIfEmpty(0).Max())))).ToArray();
        var lack = widths.Select((w, c) => Math.Max(0, need[c] - w)).ToArray();
        var moved = Math.Min(spare.Sum(), lack.Sum());
        if (moved <= 0) return widths;
        return widths.Select((w, c) => w - spare[c] / spare.Sum() * moved + lack[c] / lack.Sum() * moved).ToArray();
    }

    /// <summary>The width that sets the widest of <paramref name="cells"/> on one line (each of its lines, where it has several).</summary>
    private static float OneLine(IEnumerable<TableCell> cells, ReportStyles styles) =>
        Padded(cells.SelectMany(cell => cell.Text.Split('\n').Select(line => Style(cell, styles).Measure(line))).DefaultIfEmpty(0).Max());

    private static float Padded(float text) => text + 2 * PadX + 0.5f;

    private static float WidestWord(TableBlock table, int column, ReportStyles styles, Func<string, IEnumerable<string>> pieces) =>
        table.Rows.Select(r => r[column]).Prepend(new TableCell(table.Headers[column], Bold: true))
            .SelectMany(cell => Words(cell, pieces).Select(word => Style(cell, styles).Measure(word)))
            .DefaultIfEmpty(0).Max();

    /// <summary>What a cell's text wraps between: its words, or their <paramref name="pieces"/> (<see cref="LineBreaker.Pieces"/>).</summary>
    private static IEnumerable<string> Words(TableCell cell, Func<string, IEnumerable<string>> pieces) =>
        cell.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).SelectMany(pieces);

    private static (float Left, float Right)[] ColumnBounds(IReadOnlyList<float> widths, float left)
    {
        var bounds = new (float, float)[widths.Count];
        var x = left;
        for (var i = 0; i < widths.Count; i++)
        {
            bounds[i] = (x, x + widths[i]);
            x += widths[i];
        }
        return bounds;
    }

    /// <param name="longest">Words wider than this may be cut (paths, hashes); a cut of a narrower word is counted.</param>
    private static WrappedRow WrapRow(IReadOnlyList<TableCell> cells, (float Left, float Right)[] columns, ReportStyles styles, float longest)
    {
        var inner = columns.Select(c => c.Right - c.Left - 2 * PadX).ToArray();
        var wrapped = cells.Select((cell, i) => LineBreaker.Wrap(cell.Text, Style(cell, styles), inner[i])).ToArray();
        var textHeight = wrapped.Max(lines => lines.Sum(l => l.Height));
        var cut = cells.Select((cell, i) => Words(cell, LineBreaker.Pieces)
            .Count(word => Style(cell, styles).Measure(word) is var w && w > inner[i] && w + 2 * PadX <= longest)).Sum();
        return new WrappedRow(cells, wrapped, Math.Max(textHeight, styles.Cell.LineHeight) + 2 * PadY, cut);
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

    private static TextStyle Style(TableCell cell, ReportStyles styles) => cell.Bold ? styles.CellBold : styles.Cell;

    private sealed record WrappedRow(IReadOnlyList<TableCell> Cells, IReadOnlyList<List<TextLine>> Lines, float Height, int CutWords);
}
