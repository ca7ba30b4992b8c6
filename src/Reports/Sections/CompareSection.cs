using FashionBench.Harness.Comparison;
using FashionBench.Harness.Runs;
using FashionBench.Reports.Layout;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>What `fashionbench compare` wrote into this folder (compare.csv): these runs against another results folder.</summary>
internal static class CompareSection
{
    public const string Heading = "Compared with another results folder";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        if (material.Inputs.Compare is not { Count: > 0 } rows) return;
        doc.Add(new HeadingBlock(Heading, 2));
        doc.Add(new ParagraphBlock(
            $"fashionbench compare set these runs against {rows[0].Base} (compare.csv). Δ is these − that, with its 95 % interval; "
            + "where both have the same seeds, each seed is a pair on the same test images and McNemar's exact test is stratified by seed. "
            + "Same: the interval lies within the margin; better or worse: it excludes 0 (and McNemar rejects, where paired); otherwise inconclusive."));
        doc.Add(new TableBlock(["Model", "Devices", "n (paired)", "Δ acc. (pp)", "95 % interval", "p", "Time ×", "Verdict"],
            rows.Select(r => (IReadOnlyList<TableCell>)[
                r.Model, $"{r.BaseDevice} → {r.Device}", Fmt.Invariant($"{r.BaseN}/{r.N} ({r.PairedSeeds})"),
                Fmt.Pp(r.DeltaAccuracy * 100), Fmt.Invariant($"{r.DeltaAccuracyLow * 100:+0.00;-0.00;0.00} … {r.DeltaAccuracyHigh * 100:+0.00;-0.00;0.00}"),
                r.McNemarP is { } p ? Fmt.Number(p, p < 1e-4 ? "0.0E+0" : "0.0000") : Fmt.None,
                r.EpochTimeRatio is { } t ? Fmt.Number(t, "0.00") : Fmt.None,
                new TableCell(r.Verdict, Bold: r.Verdict is ResultsComparison.Better or ResultsComparison.Worse,
                    Fill: r.Verdict == ResultsComparison.Worse ? VerdictStyle.FailedFill : r.Verdict == ResultsComparison.Better ? VerdictStyle.HeldFill : null),
            ]).ToList(),
            [112, 58, 46, 44, 74, 40, 37, 72],
            [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Left],
            "These runs against the other folder, model by model; time × is the ratio of median epoch times, these ÷ that (compare.csv also has Δ macro F1, b, c, the throughput ratio and the notes)."));
    }
}
