using System.IO.Enumeration;
using FashionBench.Models.Catalog;

namespace FashionBench.Models;

/// <summary>Every documented model, in write-up order. Ids are stable: files, the CLI and the report use them.</summary>
public static class ModelCatalog
{
    /// <summary>The write-ups, in order. A new write-up is a new file in Catalog/ and one line here.</summary>
    public static readonly IReadOnlyList<WriteUp> WriteUps =
    [
        WriteUp000.Create(),
        WriteUp001.Create(),
        WriteUp002.Create(),
        WriteUp003.Create(),
        WriteUp004.Create(),
    ];

    /// <summary>Every model, documented ones first, then the probes (which only train when named).</summary>
    public static readonly IReadOnlyList<ModelSpec> All = [.. WriteUps.SelectMany(w => w.Specs), .. WriteUps.SelectMany(w => w.Probes)];

    /// <summary>The write-up numbered <paramref name="number"/>, e.g. "002"; null when there is none.</summary>
    public static WriteUp? FindWriteUp(string number) => WriteUps.FirstOrDefault(w => w.Number == number);

    /// <summary>The default matrix: every documented model not marked extended-only (no probes).</summary>
    public static IEnumerable<ModelSpec> Default => All.Where(s => !s.Extended && !s.IsProbe);

    public static ModelSpec? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    /// <summary>Whether <paramref name="id"/> is a catalogued probe; an unknown id is not.</summary>
    public static bool IsProbe(string id) => Find(id)?.IsProbe == true;

    /// <summary>Position in the catalogue, for sorting tables; unknown ids sort last.</summary>
    public static int Order(string id)
    {
        var index = All.ToList().FindIndex(s => s.Id == id);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Specs whose id matches a glob (`*`, `?`; comma-separated alternatives), in catalogue order.</summary>
    public static IReadOnlyList<ModelSpec> Match(string globs, IEnumerable<ModelSpec> from) =>
        from.Where(s => globs.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(g => FileSystemName.MatchesSimpleExpression(g, s.Id, ignoreCase: true))).ToList();
}
