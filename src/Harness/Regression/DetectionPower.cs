using System.Text.Json;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Runs;

namespace FashionBench.Harness.Regression;

/// <summary>
/// How much a profile's bars can see. For each model with a bar, copies of its runs are degraded by a stated drop of
/// test accuracy (<see cref="LowerAccuracy"/>: correct predictions turned wrong, with predictions, confusion matrix,
/// per-class metrics and metrics.json kept consistent) and judged by <see cref="RegressionCheck"/>: the smallest drop
/// caught in every seed is the model's detection limit. The clean runs, judged as they are, give the false alarms.
/// With <c>exact</c>, the exact check joins the minima: a run of a configuration the bars list must write the very
/// same predictions, so any drop at all is caught there; without it, the minima alone (what a machine with other
/// kernels meets).
/// </summary>
public static class DetectionPower
{
    /// <summary>One model's detection limit (null: no drop tried was caught in every seed) and its clean runs' false alarms.</summary>
    public sealed record ModelPower(string Model, int Seeds, double? SmallestDropCaughtPp, int FalseAlarms);

    /// <param name="drops">Drops of test accuracy to try, in percentage points, in increasing order.</param>
    public static IReadOnlyList<ModelPower> Measure(RunStore store, ProfileThresholds thresholds, IReadOnlyList<double> drops, bool exact)
    {
        var runs = RegressionCheck.RunsToJudge(store, null, null).Where(r => r.Status == "ok").ToList();
        var clean = RegressionCheck.Compare(runs, thresholds, predictionsHash: exact ? PredictionsHash(store) : null, cpuVendor: thresholds.ExactCpuVendor);
        var result = new List<ModelPower>();
        foreach (var model in runs.Select(r => r.Model).Distinct().Where(thresholds.Models.ContainsKey))
        {
            var ids = runs.Where(r => r.Model == model).Select(r => r.RunId).ToList();
            var falseAlarms = clean.Count(r => r.Model == model && r.Metric is RegressionRow.Accuracy or RegressionRow.Predictions && r.Status == RegressionStatus.Fail);
            var caught = drops.Cast<double?>().FirstOrDefault(drop => CaughtInEverySeed(store, ids, drop!.Value, thresholds, exact));
            result.Add(new ModelPower(model, ids.Count, caught, falseAlarms));
        }
        return result;
    }

    static Func<string, string?> PredictionsHash(RunStore store) => id => store.RecordedHash(id, RunStore.PredictionsFile);

    static bool CaughtInEverySeed(RunStore store, IReadOnlyList<string> runIds, double dropPp, ProfileThresholds thresholds, bool exact)
    {
        var scratch = Directory.CreateTempSubdirectory("fb-detection-").FullName;
        try
        {
            var copy = new RunStore(scratch, Path.GetFileName(store.ProfileDir));
            foreach (var id in runIds)
            {
                CopyRun(store, copy, id);
                var n = store.ReadMetrics(id).Confusion.Sum(row => row.Sum());
                LowerAccuracy(copy, id, (int)Math.Ceiling(dropPp / 100 * n));
            }
            var rows = RegressionCheck.Compare(RegressionCheck.RunsToJudge(copy, null, null), thresholds, predictionsHash: exact ? PredictionsHash(copy) : null, cpuVendor: thresholds.ExactCpuVendor);
            return runIds.All(id => rows.Any(r => r.RunId == id && r.Metric is RegressionRow.Accuracy or RegressionRow.Predictions && r.Status == RegressionStatus.Fail));
        }
        finally { Directory.Delete(scratch, recursive: true); }
    }

    /// <summary>
    /// Turns the first <paramref name="count"/> correctly predicted test images of a run (in test order) into mistakes
    /// (the next class), then rewrites predictions.csv, confusion.csv, per_class.csv and metrics.json to agree and
    /// records the run complete again, so every reader sees one consistent, lower-accuracy run.
    /// </summary>
    public static void LowerAccuracy(RunStore store, string runId, int count)
    {
        var metrics = store.ReadMetrics(runId);
        var classes = metrics.ClassNames.Count;
        var predictions = store.ReadPredictions(runId);
        var correct = predictions.Where(p => p.Prediction == p.Label).Take(count).Select(p => p.Index).ToHashSet();
        if (correct.Count < count) throw new ArgumentOutOfRangeException(nameof(count), count, $"{runId} has only {correct.Count} correct predictions");
        var lowered = predictions.Select(p => correct.Contains(p.Index) ? p with { Prediction = (p.Label + 1) % classes } : p).ToList();
        var confusion = ConfusionMatrix.FromPredictions(lowered.Select(p => (long)p.Label).ToArray(), lowered.Select(p => (long)p.Prediction).ToArray(), classes);
        var perClass = confusion.PerClass(metrics.ClassNames);
        store.WritePredictions(runId, lowered);
        AtomicFile.WriteAllText(store.FileOf(runId, RunStore.ConfusionFile), RunExecutor.ConfusionCsv(confusion, metrics.ClassNames));
        store.WritePerClass(runId, perClass.Select(m => new PerClassRow
        {
            RunId = runId, Model = metrics.Model, Seed = metrics.Seed, Class = m.Class, Name = m.Name,
            Precision = m.Precision, Recall = m.Recall, F1 = m.F1, Support = m.Support,
        }));
        var updated = metrics with
        {
            TestAccuracy = confusion.Accuracy, MacroF1 = confusion.MacroF1(perClass), WeightedF1 = confusion.WeightedF1(perClass), PerClass = perClass,
            Confusion = Enumerable.Range(0, classes).Select(t => Enumerable.Range(0, classes).Select(p => confusion.Counts[t, p]).ToArray()).ToArray(),
        };
        AtomicFile.WriteAllText(store.FileOf(runId, RunStore.MetricsFile), JsonSerializer.Serialize(updated, JsonFormat.Options));
        store.MarkComplete(runId, weightsOmitted: !File.Exists(store.FileOf(runId, RunStore.WeightsFile)));
    }

    static void CopyRun(RunStore from, RunStore to, string runId)
    {
        Directory.CreateDirectory(to.RunDir(runId));
        foreach (var file in Directory.EnumerateFiles(from.RunDir(runId)))
            File.Copy(file, Path.Combine(to.RunDir(runId), Path.GetFileName(file)));
    }
}
