using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports.Inputs;

/// <summary>Everything one complete run folder holds that the report reads (the weights are loaded only where needed).</summary>
/// <param name="Spec">The catalogue's spec of the run's model; null when the catalogue no longer has it.</param>
public sealed record RunRecords(
    RunMetrics Metrics,
    RunConfig Config,
    ModelSpec? Spec,
    IReadOnlyList<CurveRow> Curves,
    IReadOnlyList<PredictionRow> Predictions)
{
    public string Model => Metrics.Model;
    public int TestImages => Metrics.Confusion.Sum(row => row.Sum());

    /// <summary>The measurements the verdict rules need, with the run's comparability to its write-up.</summary>
    public RunFacts Facts() => new(
        Metrics.RunId, Metrics.Model, Metrics.Seed, Metrics.Parameters, TestImages, Metrics.TestAccuracy, Metrics.MacroF1,
        Metrics.BestValidationAccuracy, Metrics.ValidatesOnTest,
        Curves.ToDictionary(c => c.Epoch, c => c.ValidationAccuracy),
        Curves.Select(c => c.ValidationLoss).DefaultIfEmpty(double.NaN).Min(),
        Curves.Select(c => c.TrainAccuracy).DefaultIfEmpty(double.NaN).Max(),
        Metrics.EpochSecondsMedian,
        Metrics.PerClass.ToDictionary(c => c.Name, c => c.F1),
        ProfileComparability.Check(Config.TrainLimit, Config.TestLimit, Config.Epochs, Spec?.Recipe.Epochs ?? Config.Recipe.Epochs));
}
