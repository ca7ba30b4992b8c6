using FashionBench.Harness.Csv;
using FashionBench.Harness.Statistics;
using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Each ablation (a spec with a <see cref="ModelSpec.Baseline"/>) against its baseline, seed by seed on the same
/// device, by McNemar's exact test on the two runs' predictions.csv.
/// </summary>
public static class McNemarTable
{
    public static IReadOnlyList<McNemarRow> Compute(RunStore store, IReadOnlyList<RunRow> runs)
    {
        var byKey = runs.ToDictionary(r => (r.Model, r.Device, r.Seed));
        var rows = new List<McNemarRow>();
        foreach (var ablation in runs)
        {
            if (ModelCatalog.Find(ablation.Model)?.Baseline is not { } baselineId) continue;
            if (!byKey.TryGetValue((baselineId, ablation.Device, ablation.Seed), out var baseline)) continue;
            var (baselineCorrect, ablationCorrect) = PairedCorrectness(store, baseline.RunId, ablation.RunId);
            var (b, c) = McNemarTest.Discordant(baselineCorrect, ablationCorrect);
            rows.Add(new McNemarRow
            {
                Model = ablation.Model, Baseline = baselineId, Seed = ablation.Seed, B = b, C = c,
                PValue = McNemarTest.ExactPValue(b, c), Device = ablation.Device,
            });
        }
        return rows;
    }

    static (bool[] Baseline, bool[] Ablation) PairedCorrectness(RunStore store, string baselineRun, string ablationRun)
    {
        var (baselineFile, ablationFile) = (store.FileOf(baselineRun, RunStore.PredictionsFile), store.FileOf(ablationRun, RunStore.PredictionsFile));
        return PairedCorrectness(store.ReadPredictions(baselineRun), store.ReadPredictions(ablationRun), baselineFile, ablationFile);
    }

    /// <summary>
    /// Per-item correctness of two runs' predictions, item i with item i. Pairing is only meaningful on the same images
    /// in the same order, so indices and labels must agree row by row; a one-line error names both files otherwise.
    /// </summary>
    public static (bool[] First, bool[] Second) PairedCorrectness(IReadOnlyList<PredictionRow> first, IReadOnlyList<PredictionRow> second,
        string firstName, string secondName)
    {
        if (first.Count != second.Count)
            throw new UserError($"{secondName}: {second.Count} test predictions, but {firstName} has {first.Count}; " +
                                "a paired test needs the same test set");
        var mismatch = Enumerable.Range(0, first.Count)
            .FirstOrDefault(i => first[i].Index != second[i].Index || first[i].Label != second[i].Label, -1);
        if (mismatch >= 0)
            throw new UserError($"{secondName}: row {mismatch + 1} (index {second[mismatch].Index}, label {second[mismatch].Label}) " +
                                $"differs from {firstName} (index {first[mismatch].Index}, label {first[mismatch].Label}); " +
                                "a paired test needs the same test set");
        return (first.Select(p => p.Prediction == p.Label).ToArray(), second.Select(p => p.Prediction == p.Label).ToArray());
    }
}
