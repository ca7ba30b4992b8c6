using System.Text.Json;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Machine;

namespace FashionBench.Harness.Runs;

/// <summary>
/// Gives CPU runs recorded before the run identity held the thread count, CPU kernels and convolutions
/// (<see cref="RunEnvironment"/>) those fields, without training them again: derived from what each run recorded
/// (metrics.json's threads; provenance's kernel pin, CPU description and kernel self-check), written into a new folder
/// under the new run id (config, metrics, curves and per-class tables carry the id; every other file is copied; the
/// completion record is made anew and keeps omitted weights omitted), which replaces the old folder in one rename.
/// </summary>
public static class RunIdentityMigration
{
    /// <summary>One migrated run: its old and new id and the environment it was given.</summary>
    public sealed record Moved(string From, string To, RunEnvironment Environment);

    /// <param name="kernelsIfUnrecorded">
    /// "avx2" or "avx512" for runs whose provenance names neither a kernel pin nor the CPU's instruction set (the
    /// first references recorded just "AMD EPYC"); without it such a run is a one-line error naming it.
    /// </param>
    public static IReadOnlyList<Moved> Migrate(RunStore store, string? kernelsIfUnrecorded)
    {
        var moved = new List<Moved>();
        foreach (var id in store.CompleteRuns())
        {
            var config = store.ReadConfig(id);
            if (config.Device != "cpu" || config.Environment is not null) continue;
            var metrics = store.ReadMetrics(id);
            var environment = new RunEnvironment(metrics.Threads, Kernels(metrics, kernelsIfUnrecorded, store.RunDir(id)),
                metrics.Provenance.KernelSelfCheck?.Contains("oneDNN convolutions off", StringComparison.Ordinal) == true
                    ? RunEnvironment.LibTorchConvolutions : null);
            var updated = config with { Threads = environment.Threads, CpuKernels = environment.CpuKernels, Convolutions = environment.Convolutions };
            if (Directory.Exists(store.RunDir(updated.RunId)))
                throw new UserError($"{store.RunDir(id)}: its migrated folder {updated.RunId} exists already; remove one of the two");
            Rewrite(store, id, updated, metrics with { RunId = updated.RunId, ConfigHash = updated.Hash, Environment = environment });
            moved.Add(new Moved(id, updated.RunId, environment));
        }
        return moved;
    }

    static string Kernels(RunMetrics metrics, string? fallback, string runDir)
    {
        var cpu = metrics.Provenance.Cpu;
        var native = cpu.Contains("AVX-512", StringComparison.Ordinal) ? "avx512" : cpu.Contains("AVX2", StringComparison.Ordinal) ? "avx2" : fallback;
        if (metrics.Provenance.CpuKernels is { } pinned && pinned != KernelIsa.Native) return RunEnvironment.EffectiveKernels(pinned, "");
        return native ?? throw new UserError($"{runDir}: records neither a kernel pin nor its CPU's instruction set ('{cpu}'); " +
                                             "give --cpu-kernels avx2 or avx512 for the machine it was trained on");
    }

    static void Rewrite(RunStore store, string oldId, RunConfig config, RunMetrics metrics)
    {
        var newId = config.RunId;
        var staging = $".{newId}.migrating-{Guid.NewGuid():N}";
        Directory.CreateDirectory(store.RunDir(staging));
        try
        {
            var omitted = store.WeightsOmitted(oldId);
            AtomicFile.WriteAllText(store.FileOf(staging, RunStore.ConfigFile), JsonSerializer.Serialize(config, JsonFormat.Options));
            AtomicFile.WriteAllText(store.FileOf(staging, RunStore.MetricsFile), JsonSerializer.Serialize(metrics, JsonFormat.Options));
            store.WriteCurves(staging, store.ReadCurves(oldId).Select(r => r with { RunId = newId }));
            store.WritePerClass(staging, store.ReadPerClass(oldId).Select(r => r with { RunId = newId }));
            foreach (var file in new[] { RunStore.ConfusionFile, RunStore.PredictionsFile }.Concat(omitted ? [] : [RunStore.WeightsFile]))
                File.Copy(store.FileOf(oldId, file), store.FileOf(staging, file));
            store.MarkComplete(staging, weightsOmitted: omitted);
            Directory.Move(store.RunDir(staging), store.RunDir(newId));
        }
        finally
        {
            if (Directory.Exists(store.RunDir(staging))) Directory.Delete(store.RunDir(staging), recursive: true);
        }
        Directory.Delete(store.RunDir(oldId), recursive: true);
    }
}
