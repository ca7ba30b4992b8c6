using System.Security.Cryptography;
using System.Text.Json;
using FashionBench.Harness.Csv;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The run folders of one profile: &lt;results&gt;/&lt;profile&gt;/runs/&lt;run-id&gt;/. A run counts as complete only
/// when complete.json exists and every result file still has the SHA-256 recorded there; complete.json is written
/// last, so a kill at any moment never leaves a folder that looks complete when it is not. A run may declare its
/// weights omitted (complete.json records weights.bin as <see cref="Omitted"/>): the committed references, whose
/// 55 MB of weights per device are not committed, are then complete results for every verb that needs no weights.
/// </summary>
public sealed class RunStore(string resultsRoot, string profile)
{
    // One run's files (runs/<run-id>/) …
    public const string ConfigFile = "config.json";
    public const string MetricsFile = "metrics.json";
    public const string CurvesFile = "curves.csv";
    public const string ConfusionFile = "confusion.csv";
    public const string PerClassFile = "per_class.csv";
    public const string PredictionsFile = "predictions.csv";
    public const string CompletionFile = "complete.json";
    public const string WeightsFile = "weights.bin";

    // … and the profile's tables built from the runs (<profile>/), read through TableOf.
    public const string RunsTable = "runs.csv";
    public const string PerClassTable = PerClassFile;
    public const string CurvesTable = CurvesFile;
    public const string SeedStatsTable = "seed_stats.csv";
    public const string McNemarTable = "mcnemar.csv";
    public const string ParityTable = "parity.csv";
    public const string ThroughputTable = "throughput.csv";
    /// <summary>The engines bench did not time, and why (<see cref="Timing.InferenceNotTimed.PathBeside"/> of <see cref="ThroughputTable"/>).</summary>
    public const string ThroughputNotTimedTable = "throughput_not_timed.csv";
    /// <summary>What `fashionbench compare` found against another results folder (written into the compared folder).</summary>
    public const string CompareTable = "compare.csv";
    // … and what the other verbs write there: the report's tables and PDF, regress's verdicts, export's ONNX files.
    public const string VerdictsTable = "verdicts.csv";
    public const string ReportSummaryTable = "report_summary.csv";
    public const string ConfusedPairsTable = "confused_pairs.csv";
    public const string MisclassifiedTable = "misclassified.csv";
    public const string ThroughputPeakTable = "throughput_peak.csv";
    public const string ProvenanceTable = "provenance.csv";
    public const string ComparisonsTable = "comparisons.csv";
    public const string ReportFile = "report.pdf";
    public const string RegressionTable = "regression.csv";
    public const string RegressionMarkdown = "regression.md";
    public const string OnnxFolder = "onnx";
    public const string RunsFolder = "runs";
    /// <summary>What complete.json records for weights.bin when the weights were deliberately left out.</summary>
    public const string Omitted = "omitted";
    public const string CheckpointFolder = "checkpoints";

    /// <summary>The files complete.json vouches for, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> ResultFiles =
        [ConfigFile, CurvesFile, ConfusionFile, PerClassFile, PredictionsFile, WeightsFile, MetricsFile];

    // Each file is hashed once per store (one command), again only when its size or write time changed: a results
    // folder of 100 runs holds ~5 GB of weights, and a command checks the runs several times (tables, statistics, export).
    readonly Dictionary<string, (long Length, DateTime Written, string Hash)> hashes = [];

    public string ProfileDir { get; } = Path.Combine(resultsRoot, profile);
    public string RunsDir => Path.Combine(ProfileDir, RunsFolder);

    public string RunDir(string runId) => Path.Combine(RunsDir, runId);
    public string FileOf(string runId, string file) => Path.Combine(RunDir(runId), file);
    public string CheckpointDir(string runId) => Path.Combine(RunDir(runId), CheckpointFolder);
    /// <summary>A profile-level table, e.g. <see cref="RunsTable"/>.</summary>
    public string TableOf(string table) => Path.Combine(ProfileDir, table);

    public RunStatus Status(string runId)
    {
        var dir = RunDir(runId);
        if (!Directory.Exists(dir)) return RunStatus.Missing;
        var completion = Path.Combine(dir, CompletionFile);
        if (!File.Exists(completion)) return Directory.EnumerateFileSystemEntries(dir).Any() ? RunStatus.Incomplete : RunStatus.Missing;
        return Recorded(runId) is { } recorded && Mismatches(runId, recorded).Count == 0 ? RunStatus.Complete : RunStatus.Corrupt;
    }

    /// <summary>The SHA-256 a run's completion record holds for <paramref name="file"/> (checked by <see cref="Status"/>); null without one.</summary>
    public string? RecordedHash(string runId, string file) => Recorded(runId)?.GetValueOrDefault(file);

    /// <summary>Whether a complete run declares its weights omitted (see <see cref="OmitWeights"/>).</summary>
    public bool WeightsOmitted(string runId) => Recorded(runId)?.GetValueOrDefault(WeightsFile) == Omitted;

    /// <summary>
    /// Declares a run's weights omitted and deletes weights.bin, so the folder can be committed without them and still
    /// be a complete result. The run must be complete, or complete but for a missing weights.bin (a reference committed
    /// before this state existed). Only the completion record changes, atomically.
    /// </summary>
    public void OmitWeights(string runId)
    {
        var recorded = Recorded(runId) ?? throw new UserError($"{FileOf(runId, CompletionFile)}: missing or unreadable; the run is not complete");
        var wrong = Mismatches(runId, recorded).Where(f => f != WeightsFile).ToList();
        if (wrong.Count > 0) throw new UserError($"{RunDir(runId)}: {string.Join(", ", wrong)} do not match the completion record; not a complete run");
        recorded[WeightsFile] = Omitted;
        AtomicFile.WriteAllText(FileOf(runId, CompletionFile), JsonSerializer.Serialize(recorded, JsonFormat.Options));
        File.Delete(FileOf(runId, WeightsFile));
    }

    Dictionary<string, string>? Recorded(string runId)
    {
        try
        {
            var recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FileOf(runId, CompletionFile)));
            return recorded is not null && ResultFiles.All(recorded.ContainsKey) ? recorded : null;
        }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }

    // The recorded files that are missing or differ from their recorded hash; an omitted weights.bin is not checked.
    List<string> Mismatches(string runId, Dictionary<string, string> recorded) =>
        recorded.Where(r => !(r.Key == WeightsFile && r.Value == Omitted))
            .Where(r => !File.Exists(FileOf(runId, r.Key)) || HashOf(FileOf(runId, r.Key)) != r.Value).Select(r => r.Key).ToList();

    string HashOf(string path)
    {
        var info = new FileInfo(path);
        lock (hashes)
        {
            if (hashes.TryGetValue(path, out var known) && known.Length == info.Length && known.Written == info.LastWriteTimeUtc) return known.Hash;
            var hash = Sha256(path);
            hashes[path] = (info.Length, info.LastWriteTimeUtc, hash);
            return hash;
        }
    }

    /// <summary>Records the hashes of every result file (weights.bin as <see cref="Omitted"/> when asked); the run is complete from this moment.</summary>
    public void MarkComplete(string runId, bool weightsOmitted = false)
    {
        var recorded = ResultFiles.ToDictionary(f => f, f => weightsOmitted && f == WeightsFile ? Omitted : HashOf(FileOf(runId, f)));
        AtomicFile.WriteAllText(FileOf(runId, CompletionFile), JsonSerializer.Serialize(recorded, JsonFormat.Options));
    }

    /// <summary>Removes a corrupt run's results (and its stale completion record) so it is trained again.</summary>
    public void Discard(string runId)
    {
        File.Delete(FileOf(runId, CompletionFile));
        foreach (var file in ResultFiles) File.Delete(FileOf(runId, file));
    }

    /// <summary>Ids of every run folder in this profile, complete or not, sorted.</summary>
    public IReadOnlyList<string> RunIds() =>
        !Directory.Exists(RunsDir) ? []
        : Directory.EnumerateDirectories(RunsDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <summary>Ids of the complete runs in this profile, sorted.</summary>
    public IReadOnlyList<string> CompleteRuns() => RunIds().Where(id => Status(id) == RunStatus.Complete).ToList();

    /// <summary>Writes a run's config.json (its folder created), the first file of a run.</summary>
    public void WriteConfig(RunConfig config)
    {
        Directory.CreateDirectory(RunDir(config.RunId));
        AtomicFile.WriteAllText(FileOf(config.RunId, ConfigFile), JsonSerializer.Serialize(config, JsonFormat.Options));
    }

    public RunConfig ReadConfig(string runId)
    {
        var path = FileOf(runId, ConfigFile);
        try
        {
            return JsonSerializer.Deserialize<RunConfig>(File.ReadAllText(path), JsonFormat.Options) ?? throw new UserError($"{path}: empty");
        }
        catch (JsonException e) { throw new UserError($"{path}: not a run configuration ({e.Message.Split('\n')[0]})"); }
    }

    // A run's CSV files, typed.
    public IReadOnlyList<PredictionRow> ReadPredictions(string runId) => CsvFile.Read<PredictionRow>(FileOf(runId, PredictionsFile));
    public IReadOnlyList<CurveRow> ReadCurves(string runId) => CsvFile.Read<CurveRow>(FileOf(runId, CurvesFile));
    public IReadOnlyList<PerClassRow> ReadPerClass(string runId) => CsvFile.Read<PerClassRow>(FileOf(runId, PerClassFile));
    public void WritePredictions(string runId, IEnumerable<PredictionRow> rows) => CsvFile.Write(FileOf(runId, PredictionsFile), rows);
    public void WriteCurves(string runId, IEnumerable<CurveRow> rows) => CsvFile.Write(FileOf(runId, CurvesFile), rows);
    public void WritePerClass(string runId, IEnumerable<PerClassRow> rows) => CsvFile.Write(FileOf(runId, PerClassFile), rows);

    public RunMetrics ReadMetrics(string runId) =>
        JsonSerializer.Deserialize<RunMetrics>(File.ReadAllText(FileOf(runId, MetricsFile)), JsonFormat.Options)
        ?? throw new UserError($"{FileOf(runId, MetricsFile)}: empty");

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
