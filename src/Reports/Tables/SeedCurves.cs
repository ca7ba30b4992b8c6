using FashionBench.Harness.Csv;
using FashionBench.Harness.Statistics;
using FashionBench.Reports.Charts;
using FashionBench.Reports.Inputs;

namespace FashionBench.Reports.Tables;

/// <summary>
/// A model's training curves over its seeds: per epoch the mean of the seeds that reached it, with a 95 % Student-t
/// band over seeds where at least two did; the epochs whose weights were restored; and the learning rate of the
/// representative run (every seed follows the same schedule).
/// </summary>
public sealed record SeedCurves(double[] Epochs, CurveSeries TrainLoss, CurveSeries ValidationLoss, CurveSeries TrainAccuracy,
    CurveSeries ValidationAccuracy, double[] LearningRate, IReadOnlyList<int> RestoredEpochs, int Seeds)
{
    /// <param name="runs">One model's runs on one device (the healthy ones, or the representative alone when none is).</param>
    /// <param name="restores">Whether the recipe restores the best epoch's weights.</param>
    public static SeedCurves Of(IReadOnlyList<RunRecords> runs, bool restores)
    {
        var epochs = runs.SelectMany(r => r.Curves.Select(c => c.Epoch)).Distinct().Order().ToArray();
        CurveSeries Series(Func<CurveRow, double> value, double scale = 1)
        {
            var perEpoch = epochs.Select(e => runs.SelectMany(r => r.Curves.Where(c => c.Epoch == e)).Select(c => value(c) * scale).ToList()).ToList();
            var summaries = perEpoch.Select(v => v.Count >= 2 ? SampleSummary.Of(v) : null).ToList();
            return summaries.All(s => s is null)
                ? new CurveSeries(perEpoch.Select(v => v.Average()).ToArray())
                : new CurveSeries(perEpoch.Select(v => v.Average()).ToArray(),
                    summaries.Select((s, i) => s?.CiLow ?? perEpoch[i].Average()).ToArray(),
                    summaries.Select((s, i) => s?.CiHigh ?? perEpoch[i].Average()).ToArray());
        }
        var representative = runs.OrderBy(r => r.Metrics.Seed).First();
        return new SeedCurves(epochs.Select(e => (double)e).ToArray(),
            Series(c => c.TrainLoss), Series(c => c.ValidationLoss), Series(c => c.TrainAccuracy, 100), Series(c => c.ValidationAccuracy, 100),
            epochs.Select(e => representative.Curves.FirstOrDefault(c => c.Epoch == e)?.LearningRate ?? double.NaN).ToArray(),
            restores ? runs.Select(r => r.Metrics.BestEpoch).ToList() : [], runs.Count);
    }
}
