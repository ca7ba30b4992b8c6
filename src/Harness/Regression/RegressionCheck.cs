using System.Globalization;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;

namespace FashionBench.Harness.Regression;

/// <summary>
/// Compares measured runs with a profile's bars: each run's accuracy and macro F1 against the minima (below is a
/// failure), its predictions against those of the reference run of the same configuration where the bars list one
/// (any difference is a failure: pinned training is bit-reproducible), its epoch time against the reference (above the
/// bound is a warning); models without a bar, and bars without a run, are reported rather than passed.
/// </summary>
public static class RegressionCheck
{
    /// <summary>
    /// The runs a regression judges (<see cref="RunSelection"/>'s current runs): the ones just planned and trained when
    /// <paramref name="planned"/> run ids are given, else every run of a model in scope (all models when null).
    /// </summary>
    public static IReadOnlyList<RunRow> RunsToJudge(RunStore store, IReadOnlySet<string>? planned, Func<string, bool>? inScope) =>
        (planned is null
            ? RunSelection.Of(store).Current.Where(m => inScope?.Invoke(m.Model) ?? true)
            : RunSelection.Of(store.CompleteRuns().Where(planned.Contains).Select(store.ReadMetrics)).Current)
        .Select(Aggregates.Row).ToList();

    /// <param name="runs">The runs to judge (one row per run, as in runs.csv).</param>
    /// <param name="thresholds">The profile's bars; null when the file has none for this profile.</param>
    /// <param name="inScope">Which thresholded models were meant to run (e.g. the --models filter); all when null.</param>
    /// <param name="predictionsHash">A judged run's predictions.csv SHA-256, for the exact check; null: no exact check.</param>
    /// <param name="cpuVendor">The judging machine's CPU vendor (<see cref="Machine.CpuVendor.Current"/>): the exact check
    /// holds only where it is the vendor the bars' runs were trained on.</param>
    public static IReadOnlyList<RegressionRow> Compare(IReadOnlyList<RunRow> runs, ProfileThresholds? thresholds,
        Func<string, bool>? inScope = null, Func<string, string?>? predictionsHash = null, string? cpuVendor = null)
    {
        var bars = thresholds?.Models ?? new Dictionary<string, ModelThreshold>();
        var rows = new List<RegressionRow>();
        foreach (var run in runs)
        {
            var bar = bars.GetValueOrDefault(run.Model);
            rows.Add(Minimum(run, RegressionRow.Accuracy, run.TestAccuracy, bar?.MinAccuracy, bar?.FailedSeeds ?? 0));
            rows.Add(Minimum(run, RegressionRow.MacroF1, run.MacroF1, bar?.MinMacroF1, bar?.FailedSeeds ?? 0));
            if (bar?.ExactPredictions is { } exact && predictionsHash is not null)
                rows.Add(thresholds!.ExactCpuVendor is { } vendor && vendor != cpuVendor
                    ? OtherVendor(run, vendor, cpuVendor)
                    : Exact(run, exact, predictionsHash(run.RunId)));
            if (bar is not null) rows.Add(EpochTime(run, bar, thresholds!.EpochTimeRatioBound));
        }
        var measured = runs.Select(r => r.Model).ToHashSet();
        rows.AddRange(bars.Keys.Where(m => !measured.Contains(m) && (inScope?.Invoke(m) ?? true)).Order(StringComparer.Ordinal)
            .Select(m => new RegressionRow
            {
                Model = m, Metric = RegressionRow.Accuracy, Threshold = bars[m].MinAccuracy, Status = RegressionStatus.NoRun,
                Note = "thresholded but no complete run in the folder",
            }));
        return rows;
    }

    /// <summary>The rows that fail the gate: a metric below its bar, and a model with a bar but no run.</summary>
    public static IReadOnlyList<RegressionRow> Failures(IEnumerable<RegressionRow> rows) =>
        rows.Where(r => r.Status is RegressionStatus.Fail or RegressionStatus.NoRun).ToList();

    /// <summary>
    /// One failure in words, e.g. "fashion-cnn/no-aug seed 1 (cpu): test_accuracy 0.7000 < minimum 0.8800", or
    /// "fashion-cnn/no-aug: no run in the folder (minimum test_accuracy 0.8800)"; <paramref name="model"/> as it is to be shown.
    /// </summary>
    public static string Describe(RegressionRow failure, string model) =>
        failure.Status == RegressionStatus.NoRun
            ? $"{model}: no run in the folder (minimum {failure.Metric} {RegressionMarkdown.Number(failure.Metric, failure.Threshold)})"
        : failure.Metric == RegressionRow.Predictions
            ? $"{model} seed {failure.Seed} ({failure.Device}): {failure.Note}"
        : $"{model} seed {failure.Seed} ({failure.Device}): {failure.Metric} {RegressionMarkdown.Number(failure.Metric, failure.Measured)} " +
          $"< minimum {RegressionMarkdown.Number(failure.Metric, failure.Threshold)}";

    /// <summary>The exact check: predictions identical to the reference run of the same id, or a failure; skipped where the bars list no run of this configuration.</summary>
    static RegressionRow Exact(RunRow run, IReadOnlyDictionary<string, string> reference, string? hash)
    {
        var row = new RegressionRow { Model = run.Model, Seed = run.Seed, Device = run.Device, Metric = RegressionRow.Predictions, RunId = run.RunId, RunStatus = run.Status };
        if (!reference.TryGetValue(run.RunId, out var expected))
            return row with
            {
                Status = RegressionStatus.Skipped,
                Note = "no reference run of this configuration (seed, threads, CPU kernels, convolutions): judged by the minima alone",
            };
        return hash == expected
            ? row with { Status = RegressionStatus.Pass, Note = "predictions.csv identical to the reference run's" }
            : row with
            {
                Status = RegressionStatus.Fail,
                Note = "predictions.csv differs from the reference run of the same configuration: the numerics changed; "
                       + "if that is intended, re-derive the bars from runs of this code (`fashionbench thresholds`) in the same commit, with the reason",
            };
    }

    /// <summary>The exact check does not reach a machine of another vendor: oneMKL, outside the pin, picks other kernels there.</summary>
    static RegressionRow OtherVendor(RunRow run, string vendor, string? cpuVendor) => new()
    {
        Model = run.Model, Seed = run.Seed, Device = run.Device, Metric = RegressionRow.Predictions, RunId = run.RunId, RunStatus = run.Status,
        Status = RegressionStatus.Skipped,
        Note = $"the reference runs were trained on {vendor} CPUs, this machine's is {cpuVendor ?? "not x86"}: libtorch's dense layers run in oneMKL, "
               + "whose kernels differ by vendor and which the pin does not reach, so predictions are judged by the minima alone",
    };

    static RegressionRow Minimum(RunRow run, string metric, double measured, double? minimum, int failedSeeds)
    {
        var row = new RegressionRow
        {
            Model = run.Model, Seed = run.Seed, Device = run.Device, Metric = metric, Measured = measured, Threshold = minimum,
            RunId = run.RunId, RunStatus = run.Status,
            // Written so that a NaN (a diverged run's F1) fails the bar instead of slipping past a `<`.
            Status = minimum is not { } min ? RegressionStatus.NoThreshold : !(measured >= min) ? RegressionStatus.Fail : RegressionStatus.Pass,
            Note = minimum is { } m
                ? string.Create(CultureInfo.InvariantCulture, $"{(measured - m) * 100:+0.00;-0.00;0.00} pp vs minimum")
                : "model not in the thresholds file for this profile",
        };
        return row.Status == RegressionStatus.Fail && run.Status != "ok" && failedSeeds > 0
            ? row with
            {
                Status = RegressionStatus.Warning,
                Note = string.Create(CultureInfo.InvariantCulture, $"the run {run.Status}, as {failedSeeds} of the bar's source runs did: what this model does on some seeds, not by itself a regression"),
            }
            : row;
    }

    static RegressionRow EpochTime(RunRow run, ModelThreshold bar, double bound)
    {
        var row = new RegressionRow
        {
            Model = run.Model, Seed = run.Seed, Device = run.Device, Metric = RegressionRow.EpochSeconds,
            Measured = run.EpochSecondsMedian, RunId = run.RunId, RunStatus = run.Status,
        };
        if (run.Device != bar.ReferenceDevice)
            return row with
            {
                Status = RegressionStatus.Skipped,
                Note = $"reference measured on {bar.ReferenceDevice} ({bar.ReferenceMachine}), not comparable",
            };
        var ratio = run.EpochSecondsMedian / bar.ReferenceEpochSeconds;
        return row with
        {
            Threshold = bar.ReferenceEpochSeconds * bound,
            Status = ratio > bound ? RegressionStatus.Warning : RegressionStatus.Pass,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"{ratio:0.00}× the reference {bar.ReferenceEpochSeconds:0.###} s ({bar.ReferenceMachine})"),
        };
    }
}
