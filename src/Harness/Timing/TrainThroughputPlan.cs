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
            var (train, validation, test) = config.Images();
            return new TrainThroughputEstimate(config.RunId, spec.Id, config.Epochs, train, validation, test,
                SpecCost.Of(spec).ForwardFlops, rates.ImagesPerSecond, rates.EvalImagesPerSecond);
        }).ToList();

}
