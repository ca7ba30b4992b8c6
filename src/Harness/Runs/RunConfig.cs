using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The fully resolved configuration of one run. Its hash (over everything that changes what is trained) names the
/// run, so a changed spec, recipe, epoch count, data limit, device or seed is a different run, never a stale reuse.
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
    TrainingRecipe Recipe)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A diverged run's figures may be NaN or infinite: written as "NaN", "Infinity", never a crash.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static RunConfig For(ModelSpec spec, Profile profile, long seed, string device) =>
        new(spec.Id, spec.Dataset, device, seed, profile.Name, profile.Epochs ?? spec.Recipe.Epochs,
            profile.TrainLimit, profile.TestLimit, spec.Layers, spec.Recipe);

    /// <summary>SHA-256 (hex) of the canonical JSON of everything but the profile's name.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(this with { Profile = "" }, Json))));

    /// <summary>Folder name: readable prefix plus the hash, e.g. "fashion-cnn_aug-dropout-cpu-s1-3f2a9c1d".</summary>
    [JsonIgnore]
    public string RunId => $"{Model.Replace('/', '_')}-{Device}-s{Seed}-{Hash[..8]}";
}
