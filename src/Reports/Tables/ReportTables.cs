using FashionBench.Harness.Csv;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports.Tables;

/// <summary>
/// The numbers the report derives from the results (verdicts, the run summary, confused pairs, the misclassified
/// images shown, throughput against peak, provenance): computed once, then both written as CSV beside the results and
/// drawn in the PDF, so the two never disagree.
/// </summary>
public sealed record ReportTables(
    IReadOnlyList<ClaimVerdict> Verdicts,
    IReadOnlyList<ComparisonVerdict> Comparisons,
    IReadOnlyList<SummaryRow> Summary,
    IReadOnlyList<ConfusedPairRow> ConfusedPairs,
    IReadOnlyList<MisclassifiedRow> Misclassified,
    IReadOnlyList<ThroughputPeakRow>? ThroughputPeak,
    IReadOnlyList<ProvenanceRow> Provenance)
{
    public const int ConfusedPairsPerRun = 5;
    public const int MisclassifiedPerRun = 16;

    /// <summary>The CSV files <see cref="WriteCsv"/> writes into the profile folder.</summary>
    public static readonly IReadOnlyList<string> CsvFiles =
        [RunStore.VerdictsTable, RunStore.ReportSummaryTable, RunStore.ConfusedPairsTable, RunStore.MisclassifiedTable,
         RunStore.ThroughputPeakTable, RunStore.ProvenanceTable, RunStore.ComparisonsTable];

    public static ReportTables Build(ReportInputs inputs, ReportContext context)
    {
        // One verdict per claim, model and device, over that device's seeds (runs of a model no longer catalogued are not judged).
        var verdicts = inputs.Runs.Where(r => r.Spec is not null).GroupBy(r => (r.Model, r.Metrics.Device))
            .SelectMany(g => ClaimJudge.Judge(g.First().Spec!, g.Select(r => r.Facts()).ToList(),
                claim => inputs.Reference.Spread(g.Key.Model, claim)))
            .ToList();
        var summary = inputs.Runs.Select(run => SummaryOf(run, inputs, run.Spec?.Documented ?? DocumentedResults.Nothing,
            AccuracyVerdictOf(verdicts, run))).ToList();
        return new ReportTables(verdicts, ComparisonsOf(inputs), summary,
            inputs.Runs.SelectMany(ConfusedPairsOf).ToList(),
            inputs.Runs.SelectMany(MisclassifiedOf).ToList(),
            inputs.Throughput?.Select(t => PeakRow(t, context)).ToList(),
            ProvenanceRow.Of(inputs, context));
    }

    /// <summary>The files <see cref="WriteCsv"/> writes for these tables (throughput_peak.csv only when throughput was measured).</summary>
    public IReadOnlyList<string> WrittenFiles => CsvFiles.Where(f => f != RunStore.ThroughputPeakTable || ThroughputPeak is not null).ToList();

    public void WriteCsv(string profileDir)
    {
        CsvFile.Write(Path.Combine(profileDir, RunStore.VerdictsTable), Verdicts);
        CsvFile.Write(Path.Combine(profileDir, RunStore.ReportSummaryTable), Summary);
        CsvFile.Write(Path.Combine(profileDir, RunStore.ConfusedPairsTable), ConfusedPairs);
        CsvFile.Write(Path.Combine(profileDir, RunStore.MisclassifiedTable), Misclassified);
        if (ThroughputPeak is not null) CsvFile.Write(Path.Combine(profileDir, RunStore.ThroughputPeakTable), ThroughputPeak);
        CsvFile.Write(Path.Combine(profileDir, RunStore.ProvenanceTable), Provenance);
        CsvFile.Write(Path.Combine(profileDir, RunStore.ComparisonsTable), Comparisons);
    }

    /// <summary>The verdicts of the documented models: the claims the first pages count (probes are shown apart).</summary>
    public IReadOnlyList<ClaimVerdict> DocumentedVerdicts => Verdicts.Where(v => v.ProbeOf == "").ToList();

    /// <summary>The verdicts of the run's model on the run's device (over all its seeds).</summary>
    public IEnumerable<ClaimVerdict> VerdictsOf(RunRecords run) =>
        Verdicts.Where(v => v.Model == run.Model && v.Device == run.Metrics.Device);

    /// <summary>The test-accuracy verdict of the run's model and device: the first claim row after any failed runs.</summary>
    private static ClaimVerdict? AccuracyVerdictOf(IReadOnlyList<ClaimVerdict> verdicts, RunRecords run) =>
        verdicts.FirstOrDefault(v => v.Model == run.Model && v.Device == run.Metrics.Device && v.Claim != ClaimJudge.TrainingRun);

    private static SummaryRow SummaryOf(RunRecords run, ReportInputs inputs, DocumentedResults documented, ClaimVerdict? accuracy)
    {
        var m = run.Metrics;
        var reference = inputs.Reference.MeanAccuracy(m.Model);
        var baseline = run.Spec?.Baseline is { } b
            ? inputs.Runs.FirstOrDefault(r => r.Model == b && r.Metrics.Seed == m.Seed && r.Metrics.Device == m.Device)
            : null;
        return new SummaryRow
        {
            RunId = m.RunId, Model = m.Model, Seed = m.Seed, Device = m.Device, EpochsRun = m.EpochsRun,
            EpochsDocumented = run.Spec?.Recipe.Epochs, Params = m.Parameters,
            DocumentedParams = documented.Parameters?.ToString() ?? "",
            TestAccuracy = m.TestAccuracy, DocumentedAccuracy = documented.TestAccuracy,
            DeltaPp = Pp(m.TestAccuracy, documented.TestAccuracy), AccuracyVerdict = accuracy?.VerdictText ?? "", Verdict = accuracy?.Verdict ?? Verdict.NothingDocumented,
            MacroF1 = m.MacroF1, DocumentedF1 = documented.MacroF1, F1DeltaPp = Pp(m.MacroF1, documented.MacroF1),
            EpochSecondsMedian = m.EpochSecondsMedian, TrainSeconds = m.TrainSeconds,
            SecondsTo90 = m.SecondsTo90, SecondsToDocumented = m.SecondsToDocumented,
            Baseline = run.Spec?.Baseline ?? "", BaselineStatus = baseline?.Metrics.Status ?? "",
            VsBaselinePp = baseline?.Metrics.Status == "ok" ? Pp(m.TestAccuracy, baseline.Metrics.TestAccuracy) : null,
            ReferenceAccuracyMean = reference, VsReferencePp = Pp(m.TestAccuracy, reference),
            Status = m.Status, StatusReason = m.Judged.Reason ?? "",
        };
    }

    /// <summary>
    /// Every comparative finding of the catalogue whose two models both have runs, per device: seed-matched pairs of
    /// healthy runs, with the discordant test images for a test-accuracy finding.
    /// </summary>
    private static IReadOnlyList<ComparisonVerdict> ComparisonsOf(ReportInputs inputs)
    {
        var runs = inputs.Runs.ToDictionary(r => (r.Model, r.Metrics.Device, r.Metrics.Seed));
        return ModelCatalog.WriteUps.SelectMany(w => w.Comparisons.SelectMany(claim =>
            inputs.Runs.Where(r => r.Model == claim.Higher).Select(r => r.Metrics.Device).Distinct()
                .Where(device => inputs.Runs.Any(r => r.Model == claim.Lower && r.Metrics.Device == device))
                .Select(device =>
                {
                    var matched = inputs.Runs.Where(r => r.Model == claim.Higher && r.Metrics.Device == device)
                        .Select(h => (Higher: h, Lower: runs.GetValueOrDefault((claim.Lower, device, h.Metrics.Seed))))
                        .Where(p => p.Lower is not null).OrderBy(p => p.Higher.Metrics.Seed).ToList();
                    var healthy = matched.Where(p => p.Higher.Metrics.Status == "ok" && p.Lower!.Metrics.Status == "ok").ToList();
                    var failed = matched.Except(healthy).Select(p => p.Higher.Metrics.Seed).ToList();
                    var notComparable = matched.SelectMany(p => new[] { p.Higher, p.Lower! })
                        .Select(r => r.NotComparableReason).FirstOrDefault(r => r is not null);
                    if (claim.Measure == ComparedMeasure.Parameters)
                        return ComparisonJudge.Parameters(w.Number, claim, device, matched[0].Higher.Metrics.Parameters, matched[0].Lower!.Metrics.Parameters);
                    return ComparisonJudge.Judge(w.Number, claim, device, healthy.Select(p => Pair(claim.Measure, p.Higher, p.Lower!)!).ToList(),
                        failed, notComparable);
                }))).ToList();
    }

    /// <summary>The pair of one seed; a parameter count is a fact (null: no statistics), an accuracy a proportion on its images.</summary>
    private static PairedSeed? Pair(ComparedMeasure measure, RunRecords higher, RunRecords lower)
    {
        var seed = higher.Metrics.Seed;
        switch (measure)
        {
            case ComparedMeasure.TestAccuracy:
                var (h, l) = McNemarTable.PairedCorrectness(higher.Predictions, lower.Predictions, higher.Metrics.RunId, lower.Metrics.RunId);
                var (b, c) = McNemarTest.Discordant(h, l);
                return new PairedSeed(seed, higher.Metrics.TestAccuracy, lower.Metrics.TestAccuracy, h.Length, b, c);
            case ComparedMeasure.BestEpochTestAccuracy:
                return new PairedSeed(seed, higher.Metrics.BestValidationAccuracy, lower.Metrics.BestValidationAccuracy, higher.TestImages);
            case ComparedMeasure.FirstEpochValidationAccuracy:
                return new PairedSeed(seed, FirstEpoch(higher), FirstEpoch(lower), (int)higher.Facts().ValidationImages);
            default:
                return null;
        }
    }

    private static double FirstEpoch(RunRecords run) => run.Curves.FirstOrDefault(c => c.Epoch == 1)?.ValidationAccuracy ?? double.NaN;

    private static double? Pp(double measured, double? documented) => Harness.Statistics.Proportion.DeltaPp(measured, documented);

    private static IEnumerable<ConfusedPairRow> ConfusedPairsOf(RunRecords run)
    {
        var m = run.Metrics;
        return ConfusionMatrix.FromRows(m.Confusion).MostConfused().Take(ConfusedPairsPerRun).Select((pair, i) => new ConfusedPairRow
        {
            RunId = m.RunId, Model = m.Model, Seed = m.Seed, Rank = i + 1, TrueClass = m.ClassNames[pair.True],
            PredictedClass = m.ClassNames[pair.Predicted], Count = pair.Count,
            FractionOfTrue = pair.Count / (double)Math.Max(1, m.Confusion[pair.True].Sum()),
        });
    }

    private static IEnumerable<MisclassifiedRow> MisclassifiedOf(RunRecords run) =>
        run.Predictions.Where(p => p.Prediction != p.Label).OrderByDescending(p => p.Confidence).ThenBy(p => p.Index)
            .Take(MisclassifiedPerRun).Select(p => new MisclassifiedRow
            {
                RunId = run.Metrics.RunId, Model = run.Model, Seed = run.Metrics.Seed, Index = p.Index,
                TrueClass = run.Metrics.ClassNames[p.Label], PredictedClass = run.Metrics.ClassNames[p.Prediction],
                Confidence = p.Confidence,
            });

    private static ThroughputPeakRow PeakRow(Harness.Timing.InferenceThroughputRecord t, ReportContext context)
    {
        var gflops = t.ImagesPerSecond * t.ForwardMflops / 1000;   // images/s × 10⁶ FLOP/image / 10⁹
        var nominal = t.Device == "cpu" && t.PeakGFlops is null ? context.PeakFor(t.Threads)?.GFlops : null;
        double? peakGflops = t.Device == "cpu" ? t.PeakGFlops ?? nominal : null;
        return new ThroughputPeakRow
        {
            Model = t.Model, Engine = t.Engine, Device = t.Device, BatchSize = t.BatchSize,
            ImagesPerSecond = t.ImagesPerSecond, P50Ms = t.P50Ms, P95Ms = t.P95Ms, P99Ms = t.P99Ms, Threads = t.Threads, ForwardMflops = t.ForwardMflops,
            GflopsPerSecond = gflops, PeakGflops = peakGflops, PercentOfPeak = gflops / peakGflops * 100,
            PeakMethod = peakGflops is null ? "" : t.PeakGFlops is not null ? "measured" : "nominal",
            Weights = t.Weights,
        };
    }
}
