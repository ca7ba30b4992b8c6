using System.Diagnostics;
using FashionBench.Harness.Timing.Engines;

namespace FashionBench.Harness.Timing;

/// <summary>The timed section: warm-up discarded, then N repetitions of enough batches, every batch timed on its own.</summary>
static class InferenceThroughputTimer
{
    public static (double ImagesPerSecond, double P50Ms, double P95Ms, double P99Ms) Time(
        IInferenceEngine engine, int batchSize, InferenceThroughputSettings settings)
    {
        var warmupStart = Stopwatch.GetTimestamp();
        var warmupBatches = 0;
        do { engine.Run(); warmupBatches++; }
        while (Stopwatch.GetElapsedTime(warmupStart).TotalSeconds < settings.WarmupSeconds);
        var secondsPerBatch = Stopwatch.GetElapsedTime(warmupStart).TotalSeconds / warmupBatches;
        var batchesPerRepetition = Math.Max(1, (int)Math.Ceiling(settings.RepetitionSeconds / secondsPerBatch));

        var latenciesMs = new double[settings.Repetitions * batchesPerRepetition];
        var imagesPerSecond = new double[settings.Repetitions];
        GC.Collect();
        GC.WaitForPendingFinalizers();   // no collection of earlier garbage inside the timed loop
        for (var r = 0; r < settings.Repetitions; r++)
        {
            var repetitionStart = Stopwatch.GetTimestamp();
            for (var b = 0; b < batchesPerRepetition; b++)
            {
                var batchStart = Stopwatch.GetTimestamp();
                engine.Run();
                latenciesMs[r * batchesPerRepetition + b] = Stopwatch.GetElapsedTime(batchStart).TotalMilliseconds;
            }
            imagesPerSecond[r] = (double)batchesPerRepetition * batchSize / Stopwatch.GetElapsedTime(repetitionStart).TotalSeconds;
        }
        return (Quantile(imagesPerSecond, 0.5), Quantile(latenciesMs, 0.5), Quantile(latenciesMs, 0.95), Quantile(latenciesMs, 0.99));
    }

    /// <summary>Linear interpolation between the closest ranks (NumPy's default).</summary>
    public static double Quantile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
