using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// A table of claim verdicts: claim, documented, measured, tolerance, verdict; with model (and seed) columns when
/// several runs are listed, which leaves no room for the tolerance (widths in points of the 483-pt A4 text width).
/// </summary>
internal static class ClaimTable
{
    public static TableBlock Of(IEnumerable<ClaimVerdict> verdicts, bool withModel, bool withSeed, string caption)
    {
        var headers = new List<string>();
        var widths = new List<float>();
        var alignments = new List<SKTextAlign>();
        void Column(string header, float width, SKTextAlign align) { headers.Add(header); widths.Add(width); alignments.Add(align); }
        // The verdict column holds "not comparable (profile)" on one line; the model column, ids up to 23 characters.
        if (withModel) Column("Model", 126, SKTextAlign.Left);
        if (withSeed) Column("Seed", 30, SKTextAlign.Right);
        Column("Claim", withModel ? 105 : 160, SKTextAlign.Left);
        Column("Documented", 70, SKTextAlign.Right);
        Column("Measured", withModel ? 56 : 62, SKTextAlign.Right);
        if (!withModel) Column("Tolerance", 60, SKTextAlign.Right);
        Column("Verdict", withModel ? 126 : 131, SKTextAlign.Left);

        var rows = verdicts.Select(v =>
        {
            var cells = new List<TableCell>();
            if (withModel) cells.Add(Fmt.Model(v.Model));
            if (withSeed) cells.Add(Fmt.Invariant($"{v.Seed}"));
            cells.Add(v.Claim);
            cells.Add(Fmt.Claim(v.Unit, v.Documented, v.Qualifier));
            cells.Add(Fmt.Claim(v.Unit, v.Measured));
            if (!withModel) cells.Add(Fmt.Tolerance(v));
            cells.Add(VerdictStyle.Cell(v));
            return (IReadOnlyList<TableCell>)cells;
        }).ToList();
        return new TableBlock(headers, rows, widths, alignments, caption);
    }
}
