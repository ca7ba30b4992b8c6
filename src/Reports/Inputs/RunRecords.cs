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

    /// <summary>The measurements the verdict rules need, with the run's health and its comparability to its write-up.</summary>
    public RunFacts Facts()
    {
        var m = Metrics;
        var (train, validation, _) = Config.Images();
        return new RunFacts(
            m.RunId, m.Model, m.Device, m.Seed, m.Status, m.Judged.Reason, m.Parameters, TestImages,
            m.ValidatesOnTest ? TestImages : validation, train,
            m.TestAccuracy, m.MacroF1, m.BestValidationAccuracy, m.ValidatesOnTest,
            Curves.ToDictionary(c => c.Epoch, c => new EpochFacts(c.TrainLoss, c.TrainAccuracy, c.ValidationLoss, c.ValidationAccuracy)),
            Curves.Select(c => c.ValidationLoss).DefaultIfEmpty(double.NaN).Min(),
            Curves.Select(c => c.TrainAccuracy).DefaultIfEmpty(double.NaN).Max(),
            m.EpochSecondsMedian, m.TrainSeconds, m.PeakRssMb,
            m.PerClass.ToDictionary(c => c.Name, c => (c.F1, c.Support)),
            m.Provenance.Cpu,
            NotComparableReason);
    }

    /// <summary>Why this run cannot test accuracy-type claims ("profile"), or null.</summary>
    public string? NotComparableReason =>
        ProfileComparability.Check(Config.TrainLimit, Config.TestLimit, Config.Epochs, Spec?.Recipe.Epochs ?? Config.Recipe.Epochs);
}
