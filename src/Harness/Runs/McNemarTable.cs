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

    // Pairing is only meaningful on the same images in the same order, so indices and labels must agree row by row.
    static (bool[] Baseline, bool[] Ablation) PairedCorrectness(RunStore store, string baselineRun, string ablationRun)
    {
        var (baselineFile, ablationFile) = (store.FileOf(baselineRun, RunStore.PredictionsFile), store.FileOf(ablationRun, RunStore.PredictionsFile));
        var baseline = CsvFile.Read<PredictionRow>(baselineFile);
        var ablation = CsvFile.Read<PredictionRow>(ablationFile);
        if (baseline.Count != ablation.Count)
            throw new UserError($"{ablationFile}: {ablation.Count} test predictions, but the baseline's {baselineFile} has {baseline.Count}; " +
                                "McNemar's test needs the same test set");
        var mismatch = Enumerable.Range(0, baseline.Count)
            .FirstOrDefault(i => baseline[i].Index != ablation[i].Index || baseline[i].Label != ablation[i].Label, -1);
        if (mismatch >= 0)
            throw new UserError($"{ablationFile}: row {mismatch + 1} (index {ablation[mismatch].Index}, label {ablation[mismatch].Label}) " +
                                $"differs from {baselineFile} (index {baseline[mismatch].Index}, label {baseline[mismatch].Label}); " +
                                "McNemar's test needs the same test set");
        return (baseline.Select(p => p.Prediction == p.Label).ToArray(), ablation.Select(p => p.Prediction == p.Label).ToArray());
    }
}
