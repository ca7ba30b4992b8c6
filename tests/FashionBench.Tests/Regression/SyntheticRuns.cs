using System.Globalization;
using System.Text.Json;
using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Models;

namespace FashionBench.Tests.Regression;

/// <summary>
/// Writes complete run folders without training: predictions are drawn (or given), and every other file — metrics,
/// per-class table, confusion, curves — is computed from them, then RunStore.MarkComplete vouches for the files.
/// Deterministic: the same arguments give byte-identical folders.
/// </summary>
public static class SyntheticRuns
{
    public static readonly string[] Classes = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"];

    /// <summary>A run of a catalogue model whose predictions are right with probability <paramref name="accuracy"/>.</summary>
    public static RunMetrics Write(RunStore store, string model, long seed, double accuracy, int testImages = 2000,
        string profile = "quick", string device = "cpu", double epochSeconds = 10)
    {
        var random = new Random(model.Sum(ch => ch) * 7919 + (int)seed * 104729 + (int)(accuracy * 1e4));   // stable across processes
        var labels = Enumerable.Range(0, testImages).Select(i => i % Classes.Length).ToArray();
        var predictions = labels.Select(l => random.NextDouble() < accuracy ? l : (l + 1 + random.Next(Classes.Length - 1)) % Classes.Length).ToArray();
        return Write(store, RunConfig.For(ModelCatalog.Find(model)!, Profile.Get(profile), seed, device), labels, predictions, epochSeconds);
    }

    /// <summary>A run with exactly these test labels and predictions.</summary>
    public static RunMetrics Write(RunStore store, RunConfig config, int[] labels, int[] predictions, double epochSeconds = 10)
    {
        var id = config.RunId;
        var confusion = ConfusionMatrix.FromPredictions(labels.Select(l => (long)l).ToArray(), predictions.Select(p => (long)p).ToArray(), Classes.Length);
        var perClass = confusion.PerClass(Classes);
        var provenance = new Provenance("test-host", "Linux", "Test CPU 3000", 2, null, "10.0", "0.107.0", "2.10.0", "1.31.1",
            "0123456789abcdef", false, "test", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(config.Seed));
        var metrics = new RunMetrics(id, config.Model, config.Dataset, config.Device, config.Seed, config.Profile, config.Hash, 2,
            config.Epochs, config.Epochs, false, config.Epochs, 1000, 100_000, confusion.Accuracy, 0.5, confusion.MacroF1(perClass),
            confusion.WeightedF1(perClass), confusion.Accuracy, config.Epochs, true, epochSeconds, epochSeconds * config.Epochs,
            1000, 500, null, null, perClass,
            Enumerable.Range(0, Classes.Length).Select(t => Enumerable.Range(0, Classes.Length).Select(p => confusion.Counts[t, p]).ToArray()).ToArray(),
            Classes, [new DatasetChecksum(config.Dataset, "synthetic", "none")], provenance, Environment: config.Environment);

        AtomicFile.WriteAllText(store.FileOf(id, "config.json"), JsonSerializer.Serialize(config, JsonFormat.Options));
        CsvFile.Write(store.FileOf(id, "curves.csv"), Enumerable.Range(1, config.Epochs).Select(e => new CurveRow
        {
            RunId = id, Model = config.Model, Seed = config.Seed, Epoch = e, TrainLoss = 1.0 / e, TrainAccuracy = confusion.Accuracy,
            ValidationLoss = 1.0 / e, ValidationAccuracy = confusion.Accuracy, LearningRate = 0.01, TrainSeconds = epochSeconds, EvalSeconds = 1,
        }));
        AtomicFile.WriteAllText(store.FileOf(id, "confusion.csv"), string.Join('\n', metrics.Confusion.Select(row =>
            string.Join(',', row.Select(n => n.ToString(CultureInfo.InvariantCulture))))) + "\n");
        CsvFile.Write(store.FileOf(id, "per_class.csv"), perClass.Select(m => new PerClassRow
        {
            RunId = id, Model = config.Model, Seed = config.Seed, Class = m.Class, Name = m.Name,
            Precision = m.Precision, Recall = m.Recall, F1 = m.F1, Support = m.Support,
        }));
        CsvFile.Write(store.FileOf(id, "predictions.csv"), labels.Select((l, i) => new PredictionRow
        {
            Index = i, Label = l, Prediction = predictions[i], Confidence = 0.9f,
        }));
        AtomicFile.WriteAllBytes(store.FileOf(id, "weights.bin"), [1, 2, 3, (byte)config.Seed]);
        AtomicFile.WriteAllText(store.FileOf(id, "metrics.json"), JsonSerializer.Serialize(metrics, JsonFormat.Options));
        store.MarkComplete(id);
        return metrics;
    }
}
