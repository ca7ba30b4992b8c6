using System.Text.Encodings.Web;
using System.Text.Json;
using FashionBench.Harness.Runs;

namespace FashionBench.Harness.Regression;

/// <summary>
/// results/thresholds.json: per profile and model, the minimum test accuracy and macro F1 and the reference epoch
/// time. Written only by `fashionbench thresholds`; read by `fashionbench regress`.
/// </summary>
public sealed record ThresholdsFile(int Format, IReadOnlyDictionary<string, ProfileThresholds> Profiles)
{
    public const int CurrentFormat = 1;
    public const string DefaultPath = "results/thresholds.json";

    // Every constructor parameter required and non-null, so a missing or null field is an error, not a silent 0;
    // the derivation text keeps its −, ·, ρ and apostrophes readable in the committed file (it is never put in HTML).
    static readonly JsonSerializerOptions Json = new(JsonFormat.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ThresholdsFile Empty => new(CurrentFormat, new SortedDictionary<string, ProfileThresholds>(StringComparer.Ordinal));

    public ProfileThresholds? For(string profile) => Profiles.GetValueOrDefault(profile);

    /// <summary>This file with <paramref name="profile"/>'s thresholds replaced; the other profiles are kept.</summary>
    public ThresholdsFile With(string profile, ProfileThresholds thresholds)
    {
        var profiles = new SortedDictionary<string, ProfileThresholds>(Profiles.ToDictionary(), StringComparer.Ordinal)
        {
            [profile] = thresholds with { Models = new SortedDictionary<string, ModelThreshold>(thresholds.Models.ToDictionary(), StringComparer.Ordinal) },
        };
        return new ThresholdsFile(CurrentFormat, profiles);
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads and checks the file; a missing, unreadable or inconsistent file is a <see cref="UserError"/> naming it.</summary>
    public static ThresholdsFile Load(string path)
    {
        if (!File.Exists(path))
            throw new UserError($"{path}: not found; generate it with `fashionbench thresholds --from <results>/<profile>`");
        ThresholdsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ThresholdsFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new UserError($"{path}: not a valid thresholds file ({e.Message.Split('\n')[0].Trim()})");
        }
        if (file is null) throw new UserError($"{path}: not a valid thresholds file (it is null)");
        if (Problem(file) is { } problem) throw new UserError($"{path}: {problem}");
        return file;
    }

    /// <summary><see cref="Load"/>, or an empty file when there is none yet.</summary>
    public static ThresholdsFile LoadOrEmpty(string path) => File.Exists(path) ? Load(path) : Empty;

    static string? Problem(ThresholdsFile file)
    {
        if (file.Format != CurrentFormat) return $"format is {file.Format}; this version reads format {CurrentFormat}";
        foreach (var (name, profile) in file.Profiles)
        {
            var at = $"profiles.{name}";
            if (profile.EpochTimeRatioBound is not (>= 1 and < double.PositiveInfinity))
                return $"{at}.epoch_time_ratio_bound is {profile.EpochTimeRatioBound}; it must be a number ≥ 1";
            foreach (var (model, t) in profile.Models)
            {
                var m = $"{at}.models[\"{model}\"]";
                if (t.MinAccuracy is not (>= 0 and <= 1)) return $"{m}.min_accuracy is {t.MinAccuracy}; it must be a fraction in [0, 1]";
                if (t.MinMacroF1 is not (>= 0 and <= 1)) return $"{m}.min_macro_f1 is {t.MinMacroF1}; it must be a fraction in [0, 1]";
                if (t.ReferenceEpochSeconds is not (> 0 and < double.PositiveInfinity))
                    return $"{m}.reference_epoch_seconds is {t.ReferenceEpochSeconds}; it must be a positive number of seconds";
            }
        }
        return null;
    }
}
