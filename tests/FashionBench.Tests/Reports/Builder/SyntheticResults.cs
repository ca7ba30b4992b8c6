using System.Text;
using System.Text.Json;
using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Export;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Tests.Reports.Builder;

/// <summary>
/// A results folder written the way the harness writes one, without training: for each <see cref="SyntheticRun"/>
/// a run folder (config.json and metrics.json with the harness's serializer, per-run CSVs, weights.bin of a freshly
/// built module, complete.json), then the profile aggregates, parity.csv and throughput.csv. Predictions are drawn
/// with a fixed seed over <see cref="TestImages"/> test images whose labels cycle through the classes.
/// </summary>
static class SyntheticResults
{
    public const int TestImages = 200;
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";
    public static readonly DateTimeOffset Trained = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static RunStore Write(string resultsRoot, Profile profile, IEnumerable<SyntheticRun> runs, bool withBenchFiles = true)
    {
        var store = new RunStore(resultsRoot, profile.Name);
        var specs = new List<ModelSpec>();
        foreach (var run in runs)
        {
            var spec = ModelCatalog.Find(run.Model) ?? throw new ArgumentException($"{run.Model} is not in the catalogue", nameof(runs));
            WriteRun(store, spec, RunConfig.For(spec, profile, run.Seed, run.Device), run);
            if (!specs.Contains(spec)) specs.Add(spec);
        }
        Aggregates.Write(store);
        if (!withBenchFiles) return store;
        ParityCsv.Write(Path.Combine(store.ProfileDir, "parity.csv"),
            specs.Select((s, i) => new ParityResult(s.Id, 1e-6 * (i + 1), 1.0, 10_000 + 1_000 * i)));
        InferenceThroughputCsv.Write(Path.Combine(store.ProfileDir, "throughput.csv"),
            from s in specs
            from engine in new[] { "torchsharp-plain", "torchsharp", "onnxruntime" }
            from batch in new[] { 1, 64 }
            select new InferenceThroughputRecord(s.Id, engine, "cpu", batch,
                ImagesPerSecond: (engine == "torchsharp" ? 500.0 : 900.0) * batch, P50Ms: 1000.0 / 500, P95Ms: 1000.0 / 400, P99Ms: 1000.0 / 300,
                Threads: 2, ForwardMflops: SpecCost.Of(s).ForwardFlops / 1e6),
            []);
        return store;
    }

    static void WriteRun(RunStore store, ModelSpec spec, RunConfig config, SyntheticRun run)
    {
        var id = config.RunId;
        var random = new Random(run.Model.Sum(c => c) * 1000 + (int)run.Seed);   // stable across processes, unlike string.GetHashCode
        var names = spec.Dataset == "mnist" ? Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

        var labels = Enumerable.Range(0, TestImages).Select(i => (long)(i % 10)).ToArray();
        var predictions = labels.Select(l => random.NextDouble() < run.Accuracy ? l : (l + 1 + random.Next(9)) % 10).ToArray();
        var confidences = predictions.Select(_ => (float)(0.3 + 0.7 * random.NextDouble())).ToArray();
        var confusion = ConfusionMatrix.FromPredictions(labels, predictions, 10);
        var perClass = confusion.PerClass(names);
        var accuracy = confusion.Accuracy;

        // Accuracy rising towards the final value over the epochs; the learning rate halving every few epochs.
        var curves = Enumerable.Range(1, config.Epochs).Select(e => new CurveRow
        {
            RunId = id, Model = spec.Id, Seed = run.Seed, Epoch = e,
            TrainLoss = 2.0 / e, ValidationLoss = 2.2 / e + 0.05,
            TrainAccuracy = Math.Min(1, accuracy * (1 - 0.5 / (e + 1)) + 0.02),
            ValidationAccuracy = accuracy * (1 - 0.4 / (e * e + 1)),
            LearningRate = 1e-3 * Math.Pow(0.5, (e - 1) / 4), TrainSeconds = 2 + 0.1 * e, EvalSeconds = 0.2,
        }).ToList();
        var best = curves.MaxBy(c => c.ValidationAccuracy)!;

        Directory.CreateDirectory(store.RunDir(id));
        AtomicFile.WriteAllText(store.FileOf(id, "config.json"), JsonSerializer.Serialize(config, JsonFormat.Options));
        CsvFile.Write(store.FileOf(id, "curves.csv"), curves);
        AtomicFile.WriteAllText(store.FileOf(id, "confusion.csv"), string.Join("\n",
            Enumerable.Range(0, 10).Select(t => string.Join(",", Enumerable.Range(0, 10).Select(p => confusion.Counts[t, p])))) + "\n");
        CsvFile.Write(store.FileOf(id, "per_class.csv"), perClass.Select(m => new PerClassRow
        {
            RunId = id, Model = spec.Id, Seed = run.Seed, Class = m.Class, Name = m.Name,
            Precision = m.Precision, Recall = m.Recall, F1 = m.F1, Support = m.Support,
        }));
        CsvFile.Write(store.FileOf(id, "predictions.csv"), labels.Select((l, i) => new PredictionRow
        {
            Index = i, Label = (int)l, Prediction = (int)predictions[i], Confidence = confidences[i],
        }));
        using (var module = TorchBuilder.Build(spec))
            AtomicFile.Write(store.FileOf(id, "weights.bin"), stream =>
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                module.save(writer);
            });

        var cost = SpecCost.Of(spec);
        var metrics = new RunMetrics(id, spec.Id, spec.Dataset, run.Device, run.Seed, config.Profile, config.Hash, Threads: 2,
            config.Epochs, curves.Count, StoppedEarly: false, best.Epoch, cost.Parameters, cost.ForwardFlops,
            accuracy, curves[^1].ValidationLoss, confusion.MacroF1(perClass), confusion.WeightedF1(perClass),
            best.ValidationAccuracy, best.Epoch, ValidatesOnTest: spec.Recipe.ValidationFraction == 0,
            EpochSecondsMedian: 2.5, TrainSeconds: curves.Sum(c => c.TrainSeconds), TrainImagesPerSecond: 20_000, PeakRssMb: 900,
            SecondsTo90: accuracy >= 0.9 ? 10 : null, SecondsToDocumented: null, perClass,
            Enumerable.Range(0, 10).Select(t => Enumerable.Range(0, 10).Select(p => confusion.Counts[t, p]).ToArray()).ToArray(),
            names, [new DatasetChecksum(spec.Dataset, "t10k-images-idx3-ubyte.gz", new string('a', 64))],
            new Provenance("test-host", "Test OS", "Test CPU", 4, null, ".NET 10.0.0", "0.107.0", "2.10.0", "1.31.1",
                Commit, GitDirty: false, $"fashionbench train --models {spec.Id}", Trained));
        AtomicFile.WriteAllText(store.FileOf(id, "metrics.json"), JsonSerializer.Serialize(metrics, JsonFormat.Options));
        store.MarkComplete(id);
    }
}
