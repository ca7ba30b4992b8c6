using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionBench.Harness.Data;
using FashionBench.Harness.Machine;
using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The fully resolved configuration of one run. Its hash (over everything that changes what is trained) names the
/// run, so a changed spec, recipe, epoch count, data limit, device, seed, thread count, CPU kernels or convolutions
/// is a different run, never a stale reuse. The last three (<see cref="RunEnvironment"/>) are absent from CUDA runs
/// and from configurations written before they were recorded, whose hashes therefore stay as they were
/// (`fashionbench migrate` gives those CPU runs theirs).
/// </summary>
public sealed record RunConfig(
    string Model,
    string Dataset,
    string Device,
    long Seed,
    string Profile,
    int Epochs,
    int? TrainLimit,
    int? TestLimit,
    IReadOnlyList<Layer> Layers,
    TrainingRecipe Recipe,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Threads = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CpuKernels = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Convolutions = null)
{
    public static RunConfig For(ModelSpec spec, Profile profile, long seed, string device, RunEnvironment? environment = null) =>
        new(spec.Id, spec.Dataset, device, seed, profile.Name, profile.Epochs ?? spec.Recipe.Epochs,
            profile.TrainLimitFor(spec), profile.TestLimit, spec.Layers, spec.Recipe,
            environment?.Threads, environment?.CpuKernels, environment?.Convolutions);

    /// <summary>(training, validation, test) images of the run: the hold-out is round(n × fraction); none validates on test.</summary>
    public (long Train, long Validation, long Test) Images()
    {
        var info = DatasetCatalog.Get(Dataset);
        long Count(string labelsFile, int? limit) => Math.Min(info.File(labelsFile).RawSize - LabelHeaderBytes, limit ?? long.MaxValue);
        var (all, test) = (Count(DatasetInfo.TrainLabels, TrainLimit), Count(DatasetInfo.TestLabels, TestLimit));
        if (Recipe.ValidationFraction <= 0) return (all, test, test);
        var held = (long)Math.Round(all * Recipe.ValidationFraction);
        return (all - held, held, test);
    }

    // An IDX label file is an 8-byte header (magic, count) and one byte per label.
    const int LabelHeaderBytes = 8;

    /// <summary>The environment part of the identity; null for CUDA runs and older configurations.</summary>
    [JsonIgnore]
    public RunEnvironment? Environment => Threads is { } threads ? new(threads, CpuKernels!, Convolutions) : null;

    /// <summary>SHA-256 (hex) of the canonical JSON of everything but the profile's name.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(this with { Profile = "" }, JsonFormat.Options))));

    /// <summary>Folder name: readable prefix plus the hash, e.g. "fashion-cnn_aug-dropout-cpu-s1-3f2a9c1d".</summary>
    [JsonIgnore]
    public string RunId => $"{Model.Replace('/', '_')}-{Device}-s{Seed}-{Hash[..8]}";
}
