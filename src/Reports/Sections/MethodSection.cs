using FashionBench.Harness.Runs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports.Sections;

/// <summary>How the report was made and the verdict rules, in words (the rules themselves live in <see cref="ClaimJudge"/>).</summary>
internal static class MethodSection
{
    public const string Heading = "Method";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        doc.Add(new HeadingBlock(Heading));
        doc.Add(new ParagraphBlock(
            "Every number in this report is read from the results folder: each complete run's metrics.json, curves, per-class "
            + "metrics, predictions and weights, and where present throughput.csv, parity.csv and compare.csv. "
            + "Nothing is trained or timed while the report is made. What the write-ups claim comes from the model catalogue, "
            + "which records each claim exactly as the write-up states it, together with the choices made where the write-up was silent."));
        doc.Add(new HeadingBlock("Verdict rules", 2));
        var verdicts = material.Tables.Verdicts.Where(v => v.Judged).ToList();
        var ns = verdicts.Select(v => v.N).Distinct().Order().ToList();
        doc.Add(new ParagraphBlock(string.Join("\n", [
            "• Every claim is judged over all seeds of its model on one device; runs that diverged or collapsed are shown as 'run failed' rows with their cause and left out of the estimate.",
            "• An accuracy or F1 claim ('reaches 90.94 %') is a claim of at least the documented value less half a unit of its last printed digit (90.94 % → 90.935 %; 83 % → 82.5 %). "
            + "The measurement's 95 % interval is mean ± t · √(s²/k + v): s² the variance over the k seeds, v the test-set sampling variance p(1 − p)/N of the mean p on N images "
            + "(not divided by k: every seed is scored on the same images). t is Student's at the Welch–Satterthwaite degrees of freedom (k − 1)·(s²/k + v)²/(s²/k)², the normal quantile when s = 0; an interval reaching past 0 or 100 % is cut there and shown by its ends, [low–high]. "
            + "Held: the interval's lower end is at or above the line; did not hold: its upper end is below it; inconclusive: it straddles it. An interval wholly above documented + rounding is flagged 'exceeded by Δ', which suggests a different setup.",
            "• F1 is not a binomial proportion; its sampling variance is approximated as one on the same images (a class's own images for a per-class F1).",
            "• Lower bounds ('over 90 %') are judged against the bound by the same three outcomes.",
            "• Best-epoch claims ('best test accuracy'), where the write-up validated on the test set, are judged on the best validation accuracy over epochs, the validation set being the test set; so are accuracies stated for a given epoch.",
            "• A single seed is judged by the same rule with the seed variance borrowed from the committed five-seed CPU reference of the same model (test accuracy and macro F1); where none exists the interval is test-set sampling only, and the note says so.",
            "• Parameter counts are exact facts of the built architecture, judged by the claim's kind: exact, approximate ('~', within ±25 %, as '~' rounds to one significant figure) or upper bound ('<'). A count the write-up's own layer list contradicts is 'contradicted by the write-up', not a failed reproduction.",
            Fmt.Invariant($"• Times were measured on other hardware: only the order of magnitude is judged (the median within {ClaimJudge.OrderOfMagnitude:0}× either way), with the machine named. Losses are reported, not judged: {ClaimJudge.LossNotJudged}."),
            Fmt.Invariant($"• Runs not trained as documented (a smoke or quick profile: fewer epochs, or a subset of the data) cannot test accuracy, F1 or per-class claims: 'not comparable ({ProfileComparability.Reason})'."),
            "• Models the write-up gives no accuracy for have 'nothing documented', which is not counted as a claim.",
            ns.Count == 0 ? "• No claim was judged by the interval rule here."
                : Fmt.Invariant($"• Here: n = {string.Join(", ", ns)} seeds per judged claim; the t quantile, degrees of freedom, seed and sampling standard deviations of every row are in verdicts.csv."),
            "The rule follows Bouthillier et al. (2021), 'Accounting for variance in machine learning benchmarks' (randomise every source of variation; at least five seeds), and MLPerf's reference convergence points (n runs, a one-sided t-test against the target).",
        ])));
        doc.Add(new HeadingBlock("Files", 2));
        var inputs = material.Inputs;
        string[] measured = [.. inputs.Throughput is null ? [] : new[] { RunStore.ThroughputTable }, .. inputs.Parity is null ? [] : new[] { RunStore.ParityTable }];
        doc.Add(new ParagraphBlock(
            $"Every number shown, and per-seed detail besides (seed_stats.csv: each model's healthy seeds; mcnemar.csv: each ablation against its baseline seed by seed), is in CSV beside the results in {inputs.Store.ProfileDir}: "
            + string.Join(", ", [RunStore.RunsTable, RunStore.PerClassTable, RunStore.CurvesTable, RunStore.SeedStatsTable, RunStore.McNemarTable])
            + $" (rebuilt from the run folders), {string.Join(", ", material.Tables.WrittenFiles)}"
            + (measured.Length > 0 ? $", and the measured {string.Join(" and ", measured)}" : "; no inference was measured, so there is no throughput.csv or parity.csv")
            + ". Numbers are written with the invariant culture; accuracies in the CSV files are fractions, in the tables percentages."));
    }
}
