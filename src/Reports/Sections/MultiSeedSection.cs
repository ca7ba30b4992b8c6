using FashionBench.Reports.Layout;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>Mean, spread and confidence interval over seeds (seed_stats.csv) and paired tests of ablations (mcnemar.csv).</summary>
internal static class MultiSeedSection
{
    public const string Heading = "Multi-seed statistics";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        var inputs = material.Inputs;
        doc.Add(new HeadingBlock(Heading));
        var seedsPerModel = inputs.Runs.GroupBy(r => r.Model).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        if (inputs.SeedStats is not { Count: > 0 } stats)
        {
            doc.Add(new ParagraphBlock(Fmt.Invariant(
                $"Multi-seed statistics need --seeds ≥ 2 (train each model with several seeds; the statistics step then writes seed_stats.csv and mcnemar.csv). These results have at most {seedsPerModel} seed{(seedsPerModel == 1 ? "" : "s")} per model and no seed_stats.csv, so every number above is a single run.")));
            return;
        }
        doc.Add(new TableBlock(["Model", "Seeds", "Accuracy mean ± sd (%)", "Accuracy CI (%)", "Macro F1 mean ± sd", "Macro F1 CI"],
            stats.Select(s => (IReadOnlyList<TableCell>)[
                s.Model, Fmt.Count(s.N),
                $"{Fmt.Percent(s.AccuracyMean)} ± {Fmt.Percent(s.AccuracyStd)}", $"{Fmt.Percent(s.AccuracyCiLow)} – {Fmt.Percent(s.AccuracyCiHigh)}",
                $"{Fmt.Score(s.MacroF1Mean)} ± {Fmt.Score(s.MacroF1Std)}", $"{Fmt.Score(s.MacroF1CiLow)} – {Fmt.Score(s.MacroF1CiHigh)}",
            ]).ToList(),
            [2.2f, 0.6f, 1.5f, 1.4f, 1.6f, 1.5f],
            [SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right],
            "Test accuracy and macro F1 over seeds (seed_stats.csv): mean, standard deviation and confidence interval."));
        if (inputs.McNemar is not { Count: > 0 } mcnemar) return;
        doc.Add(new TableBlock(["Model", "Compared with", "Seed", "b", "c", "p-value"],
            mcnemar.Select(r => (IReadOnlyList<TableCell>)[
                r.Model, r.Baseline, Fmt.Invariant($"{r.Seed}"), Fmt.Count(r.B), Fmt.Count(r.C), Fmt.Number(r.PValue, "0.0000"),
            ]).ToList(),
            [2.2f, 2.2f, 0.6f, 0.7f, 0.7f, 0.9f],
            [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right],
            "McNemar's test of each ablation against the model it varies, on the same test images and seed (mcnemar.csv; b and c are the discordant counts)."));
    }
}
