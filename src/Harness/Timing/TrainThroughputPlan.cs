using FashionBench.Harness.Data;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Harness.Timing;

/// <summary>
/// Wall time of a run matrix on this machine, from per-model throughput measurements (train_throughput.csv rows):
/// each run's image counts follow from the dataset's size, the profile's limits and the recipe's hold-out exactly as
/// <see cref="Training.TrainingData.Split"/> splits them.
/// </summary>
public static class TrainThroughputPlan
{
    public static IReadOnlyList<TrainThroughputEstimate> Estimate(IReadOnlyList<(ModelSpec Spec, RunConfig Config)> plan,
        IReadOnlyDictionary<string, TrainThroughputRow> measured) =>
        plan.Select(run =>
        {
            var (spec, config) = run;
            var rates = measured.TryGetValue(spec.Id, out var row) ? row
                : throw new ArgumentException($"no throughput measurement for {spec.Id}");
            var (train, validation, test) = Images(spec, config);
            return new TrainThroughputEstimate(config.RunId, spec.Id, config.Epochs, train, validation, test,
                SpecCost.Of(spec).ForwardFlops, rates.ImagesPerSecond, rates.EvalImagesPerSecond);
        }).ToList();

    /// <summary>(training, validation, test) images of a run: the hold-out is round(n × fraction); none validates on test.</summary>
    public static (long Train, long Validation, long Test) Images(ModelSpec spec, RunConfig config)
    {
        var info = DatasetCatalog.Get(spec.Dataset);
        long Count(string labelsFile, int? limit) => Math.Min(info.File(labelsFile).RawSize - LabelHeaderBytes, limit ?? long.MaxValue);
        var (all, test) = (Count(DatasetInfo.TrainLabels, config.TrainLimit), Count(DatasetInfo.TestLabels, config.TestLimit));
        var fraction = spec.Recipe.ValidationFraction;
        if (fraction <= 0) return (all, test, test);
        var held = (long)Math.Round(all * fraction);
        return (all - held, held, test);
    }

    // An IDX label file is an 8-byte header (magic, count) and one byte per label.
    const int LabelHeaderBytes = 8;
}
