using System.Text.Json;
using System.Text.Json.Serialization;

namespace FashionBench.Harness;

/// <summary>The JSON every file the harness writes uses: indented, snake_case names, kebab-case enums.</summary>
public static class JsonFormat
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A diverged run's figures may be NaN or infinite: written as "NaN", "Infinity", never a crash.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
