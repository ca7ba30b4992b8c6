using System.Security.Cryptography;
using System.Text.Json;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The run folders of one profile: &lt;results&gt;/&lt;profile&gt;/runs/&lt;run-id&gt;/. A run counts as complete only
/// when complete.json exists and every result file still has the SHA-256 recorded there; complete.json is written
/// last, so a kill at any moment never leaves a folder that looks complete when it is not.
/// </summary>
public sealed class RunStore(string resultsRoot, string profile)
{
    public const string CompletionFile = "complete.json";
    public const string CheckpointFolder = "checkpoints";

    /// <summary>The files complete.json vouches for, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> ResultFiles =
        ["config.json", "curves.csv", "confusion.csv", "per_class.csv", "predictions.csv", "weights.bin", "metrics.json"];

    public string ProfileDir { get; } = Path.Combine(resultsRoot, profile);
    public string RunsDir => Path.Combine(ProfileDir, "runs");

    public string RunDir(string runId) => Path.Combine(RunsDir, runId);
    public string FileOf(string runId, string file) => Path.Combine(RunDir(runId), file);
    public string CheckpointDir(string runId) => Path.Combine(RunDir(runId), CheckpointFolder);

    public RunStatus Status(string runId)
    {
        var dir = RunDir(runId);
        if (!Directory.Exists(dir)) return RunStatus.Missing;
        var completion = Path.Combine(dir, CompletionFile);
        if (!File.Exists(completion)) return Directory.EnumerateFileSystemEntries(dir).Any() ? RunStatus.Incomplete : RunStatus.Missing;
        try
        {
            var recorded = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(completion));
            if (recorded is null || ResultFiles.Any(f => !recorded.ContainsKey(f))) return RunStatus.Corrupt;
            foreach (var (file, hash) in recorded)
            {
                var path = Path.Combine(dir, file);
                if (!File.Exists(path) || Sha256(path) != hash) return RunStatus.Corrupt;
            }
            return RunStatus.Complete;
        }
        catch (JsonException) { return RunStatus.Corrupt; }
    }

    /// <summary>Records the hashes of every result file; the run is complete from this moment.</summary>
    public void MarkComplete(string runId)
    {
        var hashes = ResultFiles.ToDictionary(f => f, f => Sha256(FileOf(runId, f)));
        AtomicFile.WriteAllText(FileOf(runId, CompletionFile), JsonSerializer.Serialize(hashes, RunConfig.Json));
    }

    /// <summary>Removes a corrupt run's results (and its stale completion record) so it is trained again.</summary>
    public void Discard(string runId)
    {
        File.Delete(FileOf(runId, CompletionFile));
        foreach (var file in ResultFiles) File.Delete(FileOf(runId, file));
    }

    /// <summary>Ids of the complete runs in this profile, sorted.</summary>
    public IReadOnlyList<string> CompleteRuns() =>
        !Directory.Exists(RunsDir) ? []
        : Directory.EnumerateDirectories(RunsDir).Select(Path.GetFileName).OfType<string>()
            .Where(id => Status(id) == RunStatus.Complete).Order(StringComparer.Ordinal).ToList();

    public RunMetrics ReadMetrics(string runId) =>
        JsonSerializer.Deserialize<RunMetrics>(File.ReadAllText(FileOf(runId, "metrics.json")), RunConfig.Json)
        ?? throw new UserError($"{FileOf(runId, "metrics.json")}: empty");

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
