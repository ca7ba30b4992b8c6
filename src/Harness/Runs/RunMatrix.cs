using FashionBench.Harness.Machine;
using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>k of n: this process runs every n-th planned run starting at the k-th (1-based).</summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard Whole = new(1, 1);

    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var k) && int.TryParse(parts[1], out var n) && n >= 1 && k >= 1 && k <= n)
            return new Shard(k, n);
        throw new UserError($"--shard: '{text}' is not k/n with 1 ≤ k ≤ n");
    }

    public bool Includes(int position) => position % Count == Index - 1;
}

/// <summary>The runs a profile asks for: models (filtered by glob) × seeds, in catalogue order, then sharded.</summary>
public static class RunMatrix
{
    /// <param name="environment">The identity's thread count, CPU kernels and convolutions (<see cref="RunEnvironment.For"/>); null for none.</param>
    public static IReadOnlyList<(ModelSpec Spec, RunConfig Config)> Plan(Profile profile, string? models, int seeds,
        long firstSeed, string device, Shard shard, RunEnvironment? environment = null)
    {
        if (seeds <= 0) throw new UserError($"--seeds: must be at least 1, got {seeds}");
        // Probes train only when a glob names them ("se-resnet+*"), under whichever profile.
        var pool = ModelCatalog.All.Where(s => s.IsProbe ? models?.Contains('+') == true : profile.IncludeExtended || !s.Extended).ToList();
        var chosen = models is null ? pool : ModelCatalog.Match(models, pool);
        if (chosen.Count == 0)
            throw new UserError($"--models: '{models}' matches no model of profile '{profile.Name}' (see `fashionbench models`)");
        var all = (from spec in chosen
                   from k in Enumerable.Range(0, seeds)
                   select (spec, RunConfig.For(spec, profile, firstSeed + k, device, environment))).ToList();
        return all.Where((_, i) => shard.Includes(i)).ToList();
    }
}
