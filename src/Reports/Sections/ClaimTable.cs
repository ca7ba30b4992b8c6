using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// A table of claim verdicts: claim, claimed (documented), measured (mean ± half the 95 % interval, and n seeds), verdict, and
/// the note (why not comparable, a failed run's cause, "exceeded by", a borrowed spread); with a model column when
/// several models are listed, named by <paramref name="model"/> (widths in points of the 483-pt A4 text width).
/// </summary>
internal static class ClaimTable
{
    /// <param name="model">How a row names its model; null: no model column (one model's claims).</param>
    public static TableBlock Of(IEnumerable<ClaimVerdict> verdicts, Func<ClaimVerdict, string>? model, string caption)
    {
        var withModel = model is not null;
        var headers = new List<string>();
        var widths = new List<float>();
        var alignments = new List<SKTextAlign>();
        void Column(string header, float width, SKTextAlign align) { headers.Add(header); widths.Add(width); alignments.Add(align); }
        if (withModel) Column("Model", 118, SKTextAlign.Left);
        Column("Claim", withModel ? 86 : 102, SKTextAlign.Left);
        Column("Claimed", 56, SKTextAlign.Right);
        Column("Measured (n)", 100, SKTextAlign.Right);
        Column("Verdict", withModel ? 123 : 84, SKTextAlign.Left);
        if (!withModel) Column("Note", 141, SKTextAlign.Left);

        var rows = verdicts.Select(v =>
        {
            var cells = new List<TableCell>();
            if (model is not null) cells.Add(model(v));
            cells.Add(v.Claim == ClaimJudge.TrainingRun ? $"{v.Claim}, seed {v.Seeds}" : v.Claim);
            cells.Add(Fmt.Claim(v.Unit, v.Documented, v.Qualifier));
            cells.Add(v.Verdict == Verdict.RunFailed ? Fmt.None : Fmt.Measured(v));
            cells.Add(VerdictStyle.Cell(v));
            if (!withModel) cells.Add(v.Note);
            return (IReadOnlyList<TableCell>)cells;
        }).ToList();
        return new TableBlock(headers, rows, widths, alignments, caption);
    }
}
