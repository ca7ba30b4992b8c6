using System.Globalization;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using MathNet.Numerics.Distributions;

namespace FashionBench.Harness.Regression;

/// <summary>
/// Derives regression bars from measured runs. Each bar is a one-sided lower prediction bound for ONE new run of the
/// model: min = mean − k·SE, SE = sqrt(p(1 − p)/N), k = q·ρ·sqrt(1 + 1/n). A model with at least
/// <see cref="OwnSpreadSeeds"/> healthy seeds uses its own spread: ρ its seeds' standard deviation in units of SE, q the
/// Student-t quantile on n − 1 degrees of freedom (unlike models spread unlike: a pooled ρ let tinyvgg's wide spread set
/// mnist-8k's bars). A model with fewer uses ρ pooled over the models with ≥ 2 seeds and q on the pooled degrees of
/// freedom; with no such model, ρ = 1 (SE bounds the spread from above when errors are independent across test
/// images) and q is the normal quantile. sqrt(1 + 1/n) adds the uncertainty of a mean over n seeds. Runs that diverged
/// or collapsed are left out: a dead run says nothing about where a healthy one should land.
/// </summary>
public static class ThresholdDerivation
{
    /// <summary>A healthy run falls below its bar with probability about 1 − 0.999 (one in a thousand nights per model).</summary>
    public const double Confidence = 0.999;

    /// <summary>Epoch times vary between machines and load, so only a 50 % slowdown is worth a warning.</summary>
    public const double EpochTimeRatioBound = 1.5;

    /// <summary>Seeds a model needs for a bar from its own spread.</summary>
    public const int OwnSpreadSeeds = 5;

    /// <param name="predictionsHash">A run's predictions.csv SHA-256 (from its completion record), for the exact check; null: none recorded.</param>
    public static ProfileThresholds Derive(IReadOnlyList<RunMetrics> runs, string source, DateTimeOffset generated,
        Func<string, string?>? predictionsHash = null)
    {
        // Probes are in no profile's matrix, so the gate never trains them: they get no bar and add nothing to the spread.
        runs = runs.Where(r => !ModelCatalog.IsProbe(r.Model)).ToList();
        if (runs.Count == 0) throw new ArgumentException("no runs to derive thresholds from", nameof(runs));
        var current = RunSelection.Of(runs).Current;
        var models = current.Where(r => r.Status == "ok").GroupBy(r => r.Model)
            .Select(g => Measure(g.Key, g.ToList(), source)).ToList();
        if (models.Count == 0) throw new UserError($"{source}: every run diverged or collapsed; no bar can be derived");
        var spread = Spread(models);
        var thresholds = models.ToDictionary(m => m.Model, m => Bar(m, spread) with
        {
            FailedSeeds = current.Count(r => r.Model == m.Model && r.Status != "ok"),
            ExactPredictions = predictionsHash is null ? null
                : current.Where(r => r.Model == m.Model).Select(r => (r.RunId, Hash: predictionsHash(r.RunId)))
                    .Where(r => r.Hash is not null).ToDictionary(r => r.RunId, r => r.Hash!),
        });
        var commits = runs.Select(r => r.Provenance.GitCommit + (r.Provenance.GitDirty ? "+dirty" : "")).Distinct().Order(StringComparer.Ordinal).ToList();
        var vendors = current.Select(r => CpuVendor.Of(r.Provenance.Cpu)).Distinct().ToList();
        return new ProfileThresholds(generated, source, commits, Confidence, EpochTimeRatioBound, spread,
            Explain(spread, models.Count), thresholds, vendors is [{ } vendor] ? vendor : null);
    }

    /// <summary>The one profile the runs belong to (from their metrics.json); thresholds are kept per profile.</summary>
    public static string ProfileOf(IReadOnlyList<RunMetrics> runs, string source)
    {
        var profiles = runs.Select(r => r.Profile).Distinct().Order(StringComparer.Ordinal).ToList();
        return profiles.Count == 1 ? profiles[0]
            : throw new UserError($"{source}: runs of {profiles.Count} profiles ({string.Join(", ", profiles)}); thresholds are derived per profile");
    }

    // A model's runs over seeds, its test-set size, and the binomial SE of its mean accuracy.
    sealed record ModelRuns(string Model, IReadOnlyList<RunMetrics> Runs, int TestImages)
    {
        public double AccuracyMean => Runs.Average(r => r.TestAccuracy);
        public double MacroF1Mean => Runs.Average(r => r.MacroF1);
        public double BinomialSe => Proportion.StandardError(AccuracyMean, TestImages);
    }

    static ModelRuns Measure(string model, IReadOnlyList<RunMetrics> runs, string source)
    {
        var devices = runs.Select(r => r.Device).Distinct().Order(StringComparer.Ordinal).ToList();
        if (devices.Count > 1)
            throw new UserError($"{source}: {model} has runs on several devices ({string.Join(", ", devices)}); " +
                                "derive thresholds from a folder holding one device's runs");
        var sizes = runs.Select(r => r.Confusion.Sum(row => row.Sum())).Distinct().ToList();
        if (sizes.Count > 1)
            throw new UserError($"{source}: {model}'s runs were tested on different numbers of images ({string.Join(", ", sizes)})");
        if (sizes[0] == 0) throw new UserError($"{source}: {model}'s runs have an empty confusion matrix in metrics.json");
        return new ModelRuns(model, runs, sizes[0]);
    }

    // Pooled variance ratio Σ(n−1)s² / Σ(n−1)SE² over the models with ≥ 2 seeds (each model's own mean removed).
    static SpreadEstimate Spread(IReadOnlyList<ModelRuns> models)
    {
        var measured = models.Where(m => m.Runs.Count >= 2).ToList();
        var dof = measured.Sum(m => m.Runs.Count - 1);
        var seVariance = measured.Sum(m => (m.Runs.Count - 1) * m.BinomialSe * m.BinomialSe);
        if (dof == 0 || seVariance == 0)
            return new SpreadEstimate(measured.Count, 0, 1, 1, Normal.InvCDF(0, 1, Confidence));
        double Ratio(Func<RunMetrics, double> metric) => Math.Sqrt(measured.Sum(m =>
        {
            var values = m.Runs.Select(metric).ToList();
            return (m.Runs.Count - 1) * Math.Pow(SampleSummary.Of(values).StdDev, 2);
        }) / seVariance);
        return new SpreadEstimate(measured.Count, dof, Ratio(r => r.TestAccuracy), Ratio(r => r.MacroF1),
            StudentT.InvCDF(0, 1, dof, Confidence));
    }

    static ModelThreshold Bar(ModelRuns m, SpreadEstimate pooled)
    {
        var own = m.Runs.Count >= OwnSpreadSeeds && Spread([m]) is { AccuracyRatio: > 0, MacroF1Ratio: > 0 } measured ? measured : null;   // identical seeds: no spread to go by
        var spread = own ?? pooled;
        var meanUncertainty = Math.Sqrt(1 + 1.0 / m.Runs.Count);
        var kAccuracy = spread.Quantile * spread.AccuracyRatio * meanUncertainty;
        var kF1 = spread.Quantile * spread.MacroF1Ratio * meanUncertainty;
        var first = m.Runs[0];
        return new ModelThreshold(
            FloorTo4(m.AccuracyMean - kAccuracy * m.BinomialSe),
            FloorTo4(m.MacroF1Mean - kF1 * m.BinomialSe),
            Math.Round(Statistics.Median.Of(m.Runs.Select(r => r.EpochSecondsMedian)), 4),
            first.Device,
            first.Device == "cuda" ? first.Provenance.Gpu ?? first.Provenance.Cpu : first.Provenance.Cpu,
            m.Runs.Count, m.TestImages,
            Math.Round(m.AccuracyMean, 6), Math.Round(m.MacroF1Mean, 6), Math.Round(m.BinomialSe, 6),
            Math.Round(kAccuracy, 4), Math.Round(kF1, 4));
    }

    // Rounded down, so the written bar is never stricter than the derived one; never below 0.
    static double FloorTo4(double x) => Math.Max(0, Math.Floor(x * 1e4) / 1e4);

    static string Explain(SpreadEstimate s, int modelCount)
    {
        var c = CultureInfo.InvariantCulture;
        var head = string.Create(c, $"Each minimum is the one-sided {Confidence * 100:0.0} % lower prediction bound for one new run of the model: min = mean − k·SE, where mean is over the model's n seeds here, SE = sqrt(p(1 − p)/N) is the binomial standard error of its mean accuracy p on the N test images, and k = q·ρ·sqrt(1 + 1/n); sqrt(1 + 1/n) adds the uncertainty of the mean itself to the spread of the new run. ");
        var spread = s.DegreesOfFreedom > 0
            ? string.Create(c, $"ρ is the seed-to-seed standard deviation in units of SE, measured and pooled over the {s.ModelsWithSeeds} model(s) with at least two seeds (Σ(n − 1) = {s.DegreesOfFreedom} degrees of freedom): ρ = {s.AccuracyRatio:0.000} for accuracy and {s.MacroF1Ratio:0.000} for macro F1; q = t({Confidence}, {s.DegreesOfFreedom}) = {s.Quantile:0.000} also covers the uncertainty of that estimate. Models with {OwnSpreadSeeds} or more seeds use their own ρ and t on their own n − 1 degrees of freedom instead; the others use the pooled ρ. Diverged and collapsed runs are left out. ")
            : string.Create(c, $"No model had two or more seeds, so the spread was not measured and ρ = 1: the binomial SE bounds the seed-to-seed spread from above when test errors are independent across images (Var = Σ pᵢ(1 − pᵢ)/N² ≤ p(1 − p)/N), and macro F1, which moves with accuracy on these balanced test sets, uses the same SE; q = z({Confidence}) = {s.Quantile:0.000}. Re-derive from 3 or more seeds (--seeds 3) to measure ρ. ");
        var time = string.Create(c, $"Reference epoch time: the median seconds per epoch over the model's runs, on the device and machine recorded with it; a run more than {EpochTimeRatioBound:0.0}× slower is a warning only, since machines differ. Minima are rounded down to 4 decimals. {modelCount} model(s). ");
        const string exact = "Exact check: a judged run whose id (seed, threads, CPU kernels, convolutions and the rest of its configuration) is one of the runs listed under exact_predictions must write byte-identical predictions, since pinned training is bit-reproducible; any difference fails as a change of numerics, whatever the accuracy. Runs of other configurations are judged by the minima alone, and so is every run on a CPU of another vendor than the source runs' (exact_cpu_vendor): libtorch's dense layers run in oneMKL, whose kernels the pin does not reach and which differ by vendor. A run that diverged or collapsed fails its minima, unless the model's source runs failed too (failed_seeds): then it is a warning, what the model does on some seeds.";
        return head + spread + time + exact;
    }
}
