namespace FashionBench.Models;

/// <summary>
/// A published write-up (`../shared/seeds/`): its number and file, a title, the models it documents (each stamped
/// with the write-up's number), and whether its report section shows the first model's first-layer filters. The
/// catalogue is a list of write-ups (<see cref="ModelCatalog.WriteUps"/>): adding one is one file and one line.
/// <see cref="Comparisons"/> are its comparative findings (ablations, "A beats B"), judged on seed-matched pairs;
/// <see cref="Untested"/> its statements no catalogued run can test, each with the reason; <see cref="Probes"/> the
/// declared alternatives for choices it left open, run to diagnose a claim that did not hold (<see cref="ModelSpec.ProbeOf"/>).
/// </summary>
public sealed record WriteUp(string Number, string File, string Title, IReadOnlyList<ModelSpec> Specs, bool ShowsFilters,
    IReadOnlyList<ComparativeClaim> Comparisons, IReadOnlyList<UntestedClaim> Untested, IReadOnlyList<ModelSpec> Probes)
{
    /// <summary>At most this many probes per probed model (three seeds each keep a probe set within a session's compute).</summary>
    public const int ProbesPerModel = 3;

    public static WriteUp Of(string number, string file, string title, IEnumerable<ModelSpec> specs, bool showsFilters = false,
        IReadOnlyList<ComparativeClaim>? comparisons = null, IReadOnlyList<UntestedClaim>? untested = null,
        Func<Func<string, ModelSpec>, IEnumerable<ModelSpec>>? probes = null)
    {
        var stamped = specs.Select(s => s with { WriteUp = number }).ToList();
        var probeSpecs = (probes?.Invoke(id => stamped.Single(s => s.Id == id)) ?? []).Select(s => s with { WriteUp = number }).ToList();
        var crowded = probeSpecs.GroupBy(p => p.ProbeOf).Where(g => g.Key is null || g.Count() > ProbesPerModel).Select(g => g.Key ?? "(not a probe)").ToList();
        if (crowded.Count > 0) throw new ArgumentException($"write-up {number}: probes must be made by ModelSpec.Probe, at most {ProbesPerModel} per model: {string.Join(", ", crowded)}");
        var unknown = (comparisons ?? []).SelectMany(c => new[] { c.Higher, c.Lower }).Where(id => stamped.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"write-up {number}: comparisons name models it does not document: {string.Join(", ", unknown)}");
        return new(number, file, title, stamped, showsFilters, comparisons ?? [], untested ?? [], probeSpecs);
    }

    /// <summary>"fashion-cnn", "keras-cnn": the families of its models' ids, in catalogue order.</summary>
    public IReadOnlyList<string> Families => Specs.Select(s => s.Id.Split('/')[0]).Distinct().ToList();
}

/// <summary>A statement of a write-up that no catalogued run can test, and why (no such variant, no number, a hedge).</summary>
public sealed record UntestedClaim(string Claim, string Reason);
