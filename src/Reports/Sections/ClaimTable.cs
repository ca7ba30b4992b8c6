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
    /// <summary>Points a seed column needs for its "Seed" header.</summary>
    public const float SeedWidth = 34;

    public static TableBlock Of(IEnumerable<ClaimVerdict> verdicts, bool withModel, bool withSeed, string caption)
    {
        var headers = new List<string>();
        var widths = new List<float>();
        var alignments = new List<SKTextAlign>();
        void Column(string header, float width, SKTextAlign align) { headers.Add(header); widths.Add(width); alignments.Add(align); }
        // The model column holds ids up to 23 characters, the verdict column "not comparable (profile)" on one line
        // unless a seed column takes the room.
        if (withModel) Column("Model", 125, SKTextAlign.Left);
        if (withSeed) Column("Seed", SeedWidth, SKTextAlign.Right);
        Column("Claim", withModel ? 98 : 160, SKTextAlign.Left);
        Column("Documented", 70, SKTextAlign.Right);
        Column("Measured", withModel ? 56 : 62, SKTextAlign.Right);
        if (!withModel) Column("Tolerance", 60, SKTextAlign.Right);
        Column("Verdict", withModel ? (withSeed ? 100 : 134) : 131, SKTextAlign.Left);

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
