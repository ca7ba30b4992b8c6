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
        var n = material.Inputs.Runs.Select(r => r.TestImages).Max();
        doc.Add(new HeadingBlock(Heading));
        doc.Add(new ParagraphBlock(
            "Every number in this report is read from the results folder: each complete run's metrics.json, curves, per-class "
            + "metrics, predictions and weights, and where present throughput.csv, parity.csv, seed_stats.csv and mcnemar.csv. "
            + "Nothing is trained or timed while the report is made. What the write-ups claim comes from the model catalogue, "
            + "which records each claim exactly as the write-up states it, together with the choices made where the write-up was silent."));
        doc.Add(new HeadingBlock("Verdict rules", 2));
        doc.Add(new ParagraphBlock(string.Join("\n", [
            Fmt.Invariant($"• Test accuracy: a claim holds when measured ≥ documented − tolerance, where tolerance = max(0.5 pp, 2 × sqrt(p(1 − p)/n)), the larger of half a point and two binomial standard errors of the documented accuracy p on the n test images used (n = {n:N0} here: {Fmt.Percent(AccuracyTolerance.Of(0.90, n))} pp at p = 90 %, {Fmt.Percent(AccuracyTolerance.Of(0.99, n))} pp at p = 99 %)."),
            "• Lower bounds ('over 90 %') hold when measured > bound.",
            "• Best-epoch claims ('best test accuracy'), where the write-up validated on the test set, are compared with the best validation accuracy over epochs, the validation set being the test set; the same holds for accuracies stated for a given epoch.",
            "• Macro F1 follows the test-accuracy rule, with the documented F1 as p (an approximation: F1 is not a binomial proportion).",
            Fmt.Invariant($"• Per-class F1: each claim holds when measured ≥ documented − {ClaimJudge.PerClassF1Tolerance * 100:0} pp."),
            "• Parameter counts are computed from the built architecture and judged by the claim's kind: exact, approximate ('~', within ±25 %, as '~' rounds to one significant figure) or upper bound ('<').",
            Fmt.Invariant($"• A run not trained as documented (a smoke or quick profile: fewer epochs than documented, or a subset of the data) cannot test accuracy, F1 or per-class claims: they are 'not comparable ({ProfileComparability.Reason})' and count as nothing to compare. Parameter claims are judged for every profile."),
            "• Validation loss, training accuracy and epoch time are shown beside the measurement but not judged: training accuracy depends on augmentation and dropout, and time on the machine.",
            "• A model the write-up gives no accuracy for has 'nothing documented'.",
        ])));
        doc.Add(new HeadingBlock("Files", 2));
        var inputs = material.Inputs;
        string[] measured = [.. inputs.Throughput is null ? [] : new[] { RunStore.ThroughputTable }, .. inputs.Parity is null ? [] : new[] { RunStore.ParityTable }];
        doc.Add(new ParagraphBlock(
            $"Everything shown is also in CSV beside the results in {inputs.Store.ProfileDir}: "
            + string.Join(", ", [RunStore.RunsTable, RunStore.PerClassTable, RunStore.CurvesTable, RunStore.SeedStatsTable, RunStore.McNemarTable])
            + $" (rebuilt from the run folders), {string.Join(", ", material.Tables.WrittenFiles)}"
            + (measured.Length > 0 ? $", and the measured {string.Join(" and ", measured)}" : "; no inference was measured, so there is no throughput.csv or parity.csv")
            + ". Numbers are written with the invariant culture; accuracies in the CSV files are fractions, in the tables percentages."));
    }
}
