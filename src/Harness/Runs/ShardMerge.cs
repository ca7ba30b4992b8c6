
namespace FashionBench.Harness.Runs;

/// <summary>
/// Combines results folders written by shard jobs (`train --shard k/n`) into one: every complete run folder
/// (checked by <see cref="RunStore.Status"/>, so hashes match) is copied in, incomplete or corrupt ones are left out,
/// then each merged profile's tables (aggregates, seed statistics, McNemar) are rebuilt from its run folders. Holds the target's results lock per profile.
/// </summary>
public static class ShardMerge
{
    /// <summary>Counts for one profile: runs copied, runs the target already had complete, shard runs left out as not complete.</summary>
    public readonly record struct Counts(string Profile, int Copied, int AlreadyPresent, int LeftOut);

    public static IReadOnlyList<Counts> Merge(IReadOnlyList<string> sources, string targetRoot, Action<string> notice)
    {
        var target = Path.GetFullPath(targetRoot);
        var profiles = sources.SelectMany(source => ProfilesIn(source, target)).ToList();
        var result = new List<Counts>();
        foreach (var profile in profiles.Select(p => p.Profile).Distinct().Order(StringComparer.Ordinal))
        {
            var store = new RunStore(target, profile);
            using var _ = ResultsLock.Acquire(store.ProfileDir, notice);
            int copied = 0, present = 0, leftOut = 0;
            foreach (var (source, _) in profiles.Where(p => p.Profile == profile))
            {
                var from = new RunStore(source, profile);
                foreach (var id in Directory.EnumerateDirectories(from.RunsDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
                {
                    var status = from.Status(id);
                    if (status != RunStatus.Complete)
                    {
                        notice($"{from.RunDir(id)}: {status.ToString().ToLowerInvariant()}, not merged");
                        leftOut++;
                    }
                    else if (store.Status(id) == RunStatus.Complete) present++;
                    else
                    {
                        Copy(from, store, id);
                        copied++;
                    }
                }
            }
            TrainingPipeline.WriteTables(store);
            result.Add(new Counts(profile, copied, present, leftOut));
        }
        return result;
    }

    // A shard results folder holds <profile>/runs/ folders (logs/ and the like are ignored).
    static IEnumerable<(string Source, string Profile)> ProfilesIn(string source, string target)
    {
        if (!Directory.Exists(source)) throw new UserError($"{source}: no such folder");
        if (Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar) == target.TrimEnd(Path.DirectorySeparatorChar))
            throw new UserError($"{source}: is the target results folder itself; merge other folders into it");
        var profiles = Directory.EnumerateDirectories(source)
            .Where(d => Directory.Exists(Path.Combine(d, RunStore.RunsFolder)))
            .Select(Path.GetFileName).OfType<string>().ToList();
        if (profiles.Count == 0)
            throw new UserError($"{source}: no <profile>/runs/ folder in it (expected a results folder written by `fashionbench train`)");
        return profiles.Select(p => (source, p));
    }

    // Only the vouched-for files travel (no checkpoints); the folder appears under its final name in one rename.
    static void Copy(RunStore from, RunStore to, string id)
    {
        Directory.CreateDirectory(to.RunsDir);
        var staging = Path.Combine(to.RunsDir, $".{id}.merging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var omitted = from.WeightsOmitted(id);
            foreach (var file in RunStore.ResultFiles.Append(RunStore.CompletionFile).Where(f => !(omitted && f == RunStore.WeightsFile)))
                File.Copy(from.FileOf(id, file), Path.Combine(staging, file));
            if (Directory.Exists(to.RunDir(id))) Directory.Delete(to.RunDir(id), recursive: true);
            Directory.Move(staging, to.RunDir(id));
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        if (to.Status(id) != RunStatus.Complete)
            throw new IOException($"{to.RunDir(id)}: copied from {from.RunDir(id)} but does not verify as complete");
    }
}
