using FashionBench.Models;
using FashionBench.Reports.Charts;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// One write-up: its models and ablations side by side, its comparative findings, a section per model, their errors
/// side by side, first-layer filters where the write-up asks for them, the choices made where it was silent and the
/// contradictions found in it.
/// </summary>
internal static class WriteUpSection
{
    /// <param name="runs">The representative run of each of the write-up's models that has one, in catalogue order.</param>
    public static void Add(ReportDocument doc, ReportMaterial material, WriteUp writeUp, IReadOnlyList<RunRecords> runs)
    {
        doc.Add(new HeadingBlock(Heading(writeUp)));
        doc.Add(new ParagraphBlock(Fmt.Invariant(
            $"Source: {writeUp.File} ({writeUp.Title}). {runs.Count} of its {writeUp.Specs.Count} catalogued models have runs in these results: {string.Join(", ", runs.Select(r => r.Model))}.")));

        SideBySide(doc, material, runs);
        Findings(doc, material, writeUp);
        foreach (var run in runs) ModelSection.Add(doc, material, run, run == runs[0] ? null : runs[0].Spec);
        ErrorsSection.Add(doc, material, runs);
        if (writeUp.ShowsFilters) FiltersSection.Add(doc, material, runs[0]);
        Choices(doc, runs);
        Contradictions(doc, writeUp.Specs);
    }

    /// <summary>"Write-up 002: fashion-cnn" (the model families of the write-up's catalogue ids).</summary>
    public static string Heading(WriteUp writeUp) => $"Write-up {writeUp.Number}: {string.Join(", ", writeUp.Families)}";

    private static void SideBySide(ReportDocument doc, ReportMaterial material, IReadOnlyList<RunRecords> runs)
    {
        doc.Add(new HeadingBlock("Models and ablations side by side", 2, inContents: false));   // every write-up has these
        doc.Add(new TableBlock(["Model", "Baseline", "Params", "n", "Acc. (%)", "Doc. (%)", "Δ (pp)", "vs baseline (pp)"],
            runs.Select(r =>
            {
                var row = material.Tables.Summary.Single(s => s.RunId == r.Metrics.RunId);
                // Over the model's healthy seeds on this device (the representative run alone where every run failed).
                var seeds = material.Tables.Summary.Where(s => s.Model == r.Model && s.Device == row.Device && s.Status == "ok").DefaultIfEmpty(row).ToList();
                var accuracy = seeds.Average(s => s.TestAccuracy);
                var pairs = seeds.Where(s => s.VsBaselinePp is not null).Select(s => s.VsBaselinePp!.Value).ToList();
                return (IReadOnlyList<TableCell>)[
                    Fmt.ShortModel(row.Model), row.Baseline.Length > 0 ? Fmt.ShortModel(row.Baseline) : Fmt.None, Fmt.Count(row.Params),
                    Fmt.Count(seeds.Count), Fmt.Percent(accuracy),
                    (r.Spec!.Documented.TestAccuracyIsLowerBound ? ">" : "") + Fmt.Percent(row.DocumentedAccuracy),
                    Fmt.Pp((accuracy - row.DocumentedAccuracy) * 100),
                    pairs.Count > 0 ? Fmt.Pp(pairs.Average()) + (pairs.Count < seeds.Count ? Fmt.Invariant($" ({pairs.Count})") : "")
                    : row.BaselineStatus is "" or "ok" ? Fmt.None : $"baseline {row.BaselineStatus}",
                ];
            }).ToList(),
            [115, 112, 55, 22, 44, 44, 40, 73],
            [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right],
            "Each model of the write-up over its n healthy seeds: the mean test accuracy (Doc.: documented); an ablation is compared with its baseline, the model it varies "
            + "('vs baseline': the mean over seed-matched pairs of its test accuracy minus the baseline's, with the number of pairs where fewer). "
            + "The statistics of each comparison the write-up makes are in comparisons.csv; every run's numbers in report_summary.csv."));

        // The headline claim row of each model (after any failed runs): its measured mean and interval over seeds.
        var headline = runs.Select(r => material.Tables.VerdictsOf(r).FirstOrDefault(v => v.Claim != ClaimJudge.TrainingRun && v.Unit == ClaimUnit.Accuracy)).ToList();
        var documented = runs.Select(r => (r.Spec!.Documented.TestAccuracy ?? double.NaN) * 100).ToArray();
        var measured = runs.Select((r, i) => (headline[i]?.Measured ?? r.Metrics.TestAccuracy) * 100).ToArray();
        var error = headline.Select(v => v?.CiLow is { } low && v.CiHigh is { } high ? (high - low) / 2 * 100 : double.NaN).ToArray();
        var chart = new BarComparison(runs.Select(r => Fmt.ShortModel(r.Model)).ToList(), documented, measured, "test accuracy (%)", error);
        doc.Add(new FigureBlock(BarComparison.Height(runs.Count), chart.Draw,
            "Each model's headline accuracy claim against the mean over its seeds, with the 95 % interval as whiskers, from zero (no documented bar where the write-up gives no number; a lower bound is drawn at the bound)."));
    }

    private static void Choices(ReportDocument doc, IReadOnlyList<RunRecords> runs)
    {
        var choices = runs.SelectMany(r => r.Spec!.Choices.Select(c => (Choice: c, r.Model)))
            .GroupBy(x => x.Choice).Select(g => (g.Key, Models: g.Select(x => x.Model).Distinct().ToList())).ToList();
        doc.Add(new HeadingBlock("Choices made where the write-up was silent", 2, inContents: false));
        doc.Add(new TableBlock(["Decision", "Chosen", "Why", "Models"],
            choices.Select(c => (IReadOnlyList<TableCell>)[
                new TableCell(c.Key.What, Bold: true), c.Key.Chosen, c.Key.Reason,
                c.Models.Count == runs.Count ? "all" : string.Join(", ", c.Models.Select(Fmt.ShortModel)),
            ]).ToList(),
            [1.2f, 2f, 2.4f, 1.3f], caption: "Each decision the write-up left open, what was built and why."));
    }

    /// <summary>The write-up's comparative findings with their verdicts, and what no catalogued run can test.</summary>
    private static void Findings(ReportDocument doc, ReportMaterial material, WriteUp writeUp)
    {
        var findings = material.Tables.Comparisons.Where(c => c.WriteUp == writeUp.Number).ToList();
        if (findings.Count > 0)
            doc.Add(ComparisonTable.Of(findings, material.Inputs.OnDevice, $"Write-up {writeUp.Number}'s comparative findings, judged on seed-matched pairs (the rule is on the first pages)."));
        if (writeUp.Untested.Count > 0)
            doc.Add(new ParagraphBlock([
                new TextRun("Statements no catalogued run can test: ", Bold: true),
                new TextRun(string.Join("; ", writeUp.Untested.Select(u => $"{u.Claim} ({u.Reason})")) + "."),
            ]));
    }

    private static void Contradictions(ReportDocument doc, IReadOnlyList<ModelSpec> catalogued)
    {
        doc.Add(new HeadingBlock("Contradictions found in the write-up", 2, inContents: false));
        var found = catalogued.SelectMany(s => s.Contradictions).Select(c => c.Note).Distinct().ToList();
        doc.Add(new ParagraphBlock(found.Count == 0
            ? "None found: the write-up's statements are consistent with each other and with the architecture it describes."
            : string.Join("\n", found.Select(c => "• " + c))));

        var parameterClaims = catalogued.Where(s => s.Documented.Parameters is not null).ToList();
        if (parameterClaims.Count == 0) return;
        doc.Add(new TableBlock(["Model", "Documented params", "Built architecture", "Claim"],
            parameterClaims.Select(s =>
            {
                var (built, verdict) = ClaimJudge.ParametersOfSpec(s);
                return (IReadOnlyList<TableCell>)[s.Id, s.Documented.Parameters!.ToString(), Fmt.Count(built),
                    VerdictStyle.Cell(verdict == Verdict.Held ? "consistent" : "contradicted", verdict)];
            }).ToList(),
            [2.3f, 1.3f, 1.3f, 1.2f], [SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Left],
            "Parameter counts the write-up states against the architecture it describes, counted from the spec (every catalogued model of the write-up, run or not)."));
    }
}
