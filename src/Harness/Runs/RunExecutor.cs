using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Training;
using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Executes one run: reuses it when complete, re-runs it when corrupt, resumes it from its checkpoint when
/// interrupted; otherwise trains, evaluates on the test set and writes the result files, then the completion record.
/// </summary>
public sealed class RunExecutor(RunStore store, IDatasetProvider data, ExecutionOptions options)
{
    public RunOutcome Execute(ModelSpec spec, RunConfig config)
    {
        var id = config.RunId;
        switch (store.Status(id))
        {
            case RunStatus.Complete:
                return new RunOutcome(store.ReadMetrics(id), Reused: true);
            case RunStatus.Corrupt:
                options.Notice($"{store.RunDir(id)}: result files do not match their recorded hashes; training it again");
                store.Discard(id);
                break;
        }

        store.WriteConfig(config);
        var dataset = data.Load(config.Dataset, config.TrainLimit, config.TestLimit, options.Device);
        var split = TrainingData.Split(dataset.TrainImages, dataset.TrainLabels, dataset.TestImages, dataset.TestLabels,
            spec.Recipe.ValidationFraction, dataset.ClassNames, dataset.Mean, dataset.Std);
        var outcome = Trainer.Train(spec, split, new TrainerOptions(options.Device, config.Seed, config.Epochs,
            store.CheckpointDir(id), config.Hash, options.Progress, options.Cancel));

        var (mean, std) = Trainer.Normalization(spec.Recipe.Normalization, split);
        var test = Evaluator.Evaluate(outcome.Model, dataset.TestImages, dataset.TestLabels, mean, std);
        var confusion = ConfusionMatrix.FromPredictions(test.Labels, test.Predictions, dataset.ClassNames.Count);
        var perClass = confusion.PerClass(dataset.ClassNames);
        var metrics = Measure(spec, config, outcome, test, confusion, perClass, dataset, split.ValidatesOnTest);

        WriteResults(id, metrics, outcome, test, confusion, perClass);
        store.MarkComplete(id);
        Directory.Delete(store.CheckpointDir(id), recursive: true);
        outcome.Model.Dispose();
        return new RunOutcome(metrics, Reused: false);
    }

    RunMetrics Measure(ModelSpec spec, RunConfig config, TrainingOutcome outcome, EvaluationResult test,
        ConfusionMatrix confusion, IReadOnlyList<ClassMetrics> perClass, LoadedDataset dataset, bool validatesOnTest)
    {
        var curves = outcome.Curves;                                  // empty when a run diverged in its first epoch
        var trainSeconds = curves.Sum(c => c.TrainSeconds);
        var bestValidation = curves.MaxBy(c => c.ValidationAccuracy) ?? new EpochRecord(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0);
        var trainImages = dataset.TrainImages.shape[0] * (1 - spec.Recipe.ValidationFraction);
        var cost = SpecCost.Of(spec);
        return new RunMetrics(
            config.RunId, spec.Id, spec.Dataset, config.Device, config.Seed, config.Profile, config.Hash, options.Threads,
            config.Epochs, curves.Count, outcome.StoppedEarly, outcome.BestEpoch, cost.Parameters, cost.ForwardFlops,
            test.Accuracy, test.Loss, confusion.MacroF1(perClass), confusion.WeightedF1(perClass),
            bestValidation.ValidationAccuracy, bestValidation.Epoch, validatesOnTest,
            curves.Count > 0 ? Statistics.Median.Of(curves.Select(c => c.TrainSeconds)) : double.NaN, trainSeconds,
            curves.Count > 0 ? trainImages * curves.Count / trainSeconds : double.NaN,
            Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,
            SecondsToReach(curves, 0.90), spec.Documented.TestAccuracy is { } documented ? SecondsToReach(curves, documented) : null,
            perClass,
            Enumerable.Range(0, confusion.Classes).Select(t => Enumerable.Range(0, confusion.Classes).Select(p => confusion.Counts[t, p]).ToArray()).ToArray(),
            dataset.ClassNames, dataset.Checksums, Provenance.Capture(options.RepoRoot),
            RunHealth.Assess(outcome.Health, curves, test.Predictions.ToHashSet()), config.Environment);
    }

    /// <summary>Cumulative training seconds until validation accuracy first reached <paramref name="target"/>; null if never.</summary>
    static double? SecondsToReach(IReadOnlyList<EpochRecord> curves, double target)
    {
        double seconds = 0;
        foreach (var epoch in curves)
        {
            seconds += epoch.TrainSeconds;
            if (epoch.ValidationAccuracy >= target) return seconds;
        }
        return null;
    }


    void WriteResults(string id, RunMetrics metrics, TrainingOutcome outcome, EvaluationResult test,
        ConfusionMatrix confusion, IReadOnlyList<ClassMetrics> perClass)
    {
        store.WriteCurves(id, outcome.Curves.Select(c => new CurveRow
        {
            RunId = id, Model = metrics.Model, Seed = metrics.Seed, Epoch = c.Epoch, TrainLoss = c.TrainLoss,
            TrainAccuracy = c.TrainAccuracy, ValidationLoss = c.ValidationLoss, ValidationAccuracy = c.ValidationAccuracy,
            LearningRate = c.LearningRate, TrainSeconds = c.TrainSeconds, EvalSeconds = c.EvalSeconds,
        }));
        AtomicFile.WriteAllText(store.FileOf(id, RunStore.ConfusionFile), ConfusionCsv(confusion, metrics.ClassNames));
        store.WritePerClass(id, perClass.Select(m => new PerClassRow
        {
            RunId = id, Model = metrics.Model, Seed = metrics.Seed, Class = m.Class, Name = m.Name,
            Precision = m.Precision, Recall = m.Recall, F1 = m.F1, Support = m.Support,
        }));
        store.WritePredictions(id, test.Labels.Select((label, i) => new PredictionRow
        {
            Index = i, Label = (int)label, Prediction = (int)test.Predictions[i], Confidence = test.Confidences[i],
        }));
        AtomicFile.Write(store.FileOf(id, RunStore.WeightsFile), stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            outcome.Model.save(writer);
        });
        AtomicFile.WriteAllText(store.FileOf(id, RunStore.MetricsFile), JsonSerializer.Serialize(metrics, JsonFormat.Options));
    }

    /// <summary>confusion.csv: a header of predicted class names, then one row per true class.</summary>
    public static string ConfusionCsv(ConfusionMatrix confusion, IReadOnlyList<string> names)
    {
        var csv = new StringBuilder();
        csv.Append("true\\predicted,").AppendJoin(',', names.Select(Quote)).Append('\n');
        for (var t = 0; t < confusion.Classes; t++)
        {
            csv.Append(Quote(names[t]));
            for (var p = 0; p < confusion.Classes; p++) csv.Append(',').Append(confusion.Counts[t, p].ToString(CultureInfo.InvariantCulture));
            csv.Append('\n');
        }
        return csv.ToString();
    }

    static string Quote(string s) => s.Contains(',') ? $"\"{s}\"" : s;
}
