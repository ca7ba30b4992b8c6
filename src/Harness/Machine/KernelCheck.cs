using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Harness.Machine;

/// <summary>
/// Checks libtorch's CPU kernels on this machine before anything is trained, exported or timed: every
/// <see cref="KernelProbe"/> in float32 (twice, which must agree bit for bit) against float64 on the same inputs, at
/// the thread count and CPU kernels in force. If some fail while oneDNN's convolutions are on, the known cause is
/// mended first where it is present (oneDNN given an L1 of a few bytes blocks by its own guessed cache sizes instead,
/// <see cref="OneDnnCaches"/>); if that is absent or does not pass, oneDNN's convolutions are switched off (libtorch's
/// own are then used). Each remedy is checked again in full; a machine that fails every way is refused.
/// Outcomes are cached per CPU, libtorch, thread count and kernel setting, so a check costs seconds once per machine.
/// </summary>
public static class KernelCheck
{
    /// <summary>Part of the cache key: bump it when the probes or the tolerance change.</summary>
    const int ProbeVersion = 3;

    static readonly Dictionary<string, KernelCheckReport> Done = [];

    /// <summary>The report in force in this process (the last <see cref="Ensure"/>), for provenance; null before one.</summary>
    public static KernelCheckReport? Current { get; private set; }

    /// <summary>
    /// Makes sure the kernels at the current thread count are checked (from the cache when it has this setting),
    /// applies the remedy the check chose, and returns the report. Throws a <see cref="UserError"/> naming the failing
    /// operation when no setting passes.
    /// </summary>
    public static KernelCheckReport Ensure(Action<string> notice)
    {
        OneDnnCaches.InjectFromEnvironment();
        var key = Key();
        lock (Done)
        {
            if (!Done.TryGetValue(key, out var report))
            {
                report = ReadCache(key) is { } cached && Reapply(cached) ? cached : Check(key, ModelCatalog.All);
                if (report.OneDnnFailures.Count > 0)
                    notice(report.OneDnnConvolutions
                        ? $"kernel self-check: oneDNN's convolutions compute wrong results with the cache sizes oneDNN was given; they now block by its own guessed sizes ({report.Summary})"
                        : $"kernel self-check: oneDNN's convolutions are off, they compute wrong results on this CPU ({report.Summary})");
                Done[key] = report;
            }
            Current = report;
            return report.Passed ? report : throw Refusal(report);
        }
    }

    // Applies a cached outcome's remedy to this process; false where it cannot be (then the check runs afresh).
    static bool Reapply(KernelCheckReport cached)
    {
        if (!cached.OneDnnConvolutions && OneDnn.Enabled) OneDnn.Enable(false);
        return cached.OneDnnCacheProblem is not { } problem || OneDnnCaches.GuessedBecause is not null || OneDnnCaches.UseGuessedSizes(problem);
    }

    /// <summary>
    /// Runs the check now with <paramref name="models"/> as the whole-model probes, ignoring the cache; a check of the
    /// whole catalogue refreshes it (what `fashionbench doctor` shows).
    /// </summary>
    public static KernelCheckReport Check(IEnumerable<ModelSpec> models)
    {
        OneDnnCaches.InjectFromEnvironment();
        return Check(Key(), models);
    }

    static KernelCheckReport Check(string key, IEnumerable<ModelSpec> models)
    {
        var clock = Stopwatch.StartNew();
        var checkedModels = models.ToList();
        if (OneDnn.OffRequested() && OneDnn.Enabled) OneDnn.Enable(false);
        // A check that starts with oneDNN already off or already on guessed cache sizes in this process (a remedy
        // found at another thread count) says nothing about oneDNN as given at this setting, so it is not cached as
        // this setting's outcome.
        var cacheable = checkedModels.SequenceEqual(ModelCatalog.All) && (OneDnn.Enabled || OneDnn.OffRequested())
                        && OneDnnCaches.GuessedBecause is null;
        var (rows, oneDnnFailures) = RunWithRemedies(KernelProbe.All(checkedModels));
        var report = new KernelCheckReport(key, Provenance.CpuModel(), __version__, get_num_threads(), KernelIsa.Describe(),
            OneDnn.Enabled, rows, oneDnnFailures, clock.Elapsed.TotalSeconds, DateTimeOffset.UtcNow,
            OneDnn.Enabled ? OneDnnCaches.GuessedBecause : null);
        if (report.Passed && cacheable) WriteCache(report);
        return report;
    }

    /// <summary>
    /// <see cref="Run"/>, and where rows fail with oneDNN's convolutions on, the remedies in turn until one passes:
    /// oneDNN's own guessed cache sizes where it holds an L1 of a few bytes (put back if they do not pass), then
    /// libtorch's own convolutions. Returns the rows under what is in force afterwards, and the rows that failed first.
    /// </summary>
    public static (IReadOnlyList<KernelCheckRow> Rows, IReadOnlyList<KernelCheckRow> OneDnnFailures) RunWithRemedies(IReadOnlyList<KernelProbe> probes)
    {
        var rows = Run(probes);
        if (rows.All(r => r.Passed) || !OneDnn.Switchable || !OneDnn.Enabled) return (rows, []);
        var oneDnnFailures = rows.Where(r => !r.Passed).ToList();
        if (OneDnnCaches.Read() is { } given && OneDnnCaches.Problem(given) is { } problem && OneDnnCaches.UseGuessedSizes(problem))
        {
            rows = Run(probes);
            if (rows.All(r => r.Passed)) return (rows, oneDnnFailures);
            OneDnnCaches.Write(given);
        }
        OneDnn.Enable(false);
        return (Run(probes), oneDnnFailures);
    }

    /// <summary>Each probe twice in float32 and once in float64, one row per output.</summary>
    public static IReadOnlyList<KernelCheckRow> Run(IReadOnlyList<KernelProbe> probes)
    {
        var rows = new List<KernelCheckRow>();
        foreach (var probe in probes)
        {
            using var scope = NewDisposeScope();
            var (first, second, reference) = (probe.Run(float32), probe.Run(float32), probe.Run(float64));
            for (var i = 0; i < first.Count; i++)
            {
                var output = first[i];
                rows.Add(new KernelCheckRow(probe.Operation, output.Quantity, output.Normwise, output.Tolerance,
                    RelativeError(output.Value, reference[i].Value, output.Normwise), Identical(output.Value, second[i].Value)));
            }
        }
        return rows;
    }

    // Bit for bit, NaNs included.
    static bool Identical(Tensor a, Tensor b) =>
        a.shape.SequenceEqual(b.shape) && a.contiguous().bytes.SequenceEqual(b.contiguous().bytes);

    /// <summary>
    /// max |a − b| / max |b|, or ‖a − b‖₂ / ‖b‖₂ when <paramref name="normwise"/>, in float64; NaN when
    /// <paramref name="value"/> holds a NaN or an infinity.
    /// </summary>
    public static double RelativeError(Tensor value, Tensor reference, bool normwise)
    {
        using var scope = NewDisposeScope();
        var a = value.to(float64);
        if (!a.isfinite().all().item<bool>()) return double.NaN;
        Tensor Size(Tensor t) => normwise ? t.flatten().norm() : t.abs().max();
        var scale = Size(reference).item<double>();
        var error = Size(a - reference).item<double>();
        return scale > 0 ? error / scale : error;
    }

    static UserError Refusal(KernelCheckReport report)
    {
        var failed = report.Rows.First(r => !r.Passed);
        var tried = report.OneDnnConvolutions ? "with oneDNN's convolutions (they cannot be switched off here)" : "also with oneDNN's convolutions off";
        return new UserError($"kernel self-check failed on this CPU: {failed.Describe()} against float64 " +
                             $"(tolerance {failed.Tolerance:0e+0}), {tried}; nothing was run. " +
                             "`fashionbench doctor` prints every check; try FASHIONBENCH_CPU_ISA=avx2 or another --threads", 4);
    }

    // Everything the kernels' results depend on: the CPU, the libraries, the threads and the kernel switches.
    static string Key()
    {
        // The catalogue's models are part of the key, so a new model or a changed layer list is checked before use.
        var catalogue = string.Join(",", ModelCatalog.All.Select(s => s.Id + ":" + string.Join(";", s.Layers)));
        var parts = string.Join("|", ProbeVersion, Provenance.CpuModel(), __version__,
            typeof(TorchSharp.torch).Assembly.GetName().Version, get_num_threads(), KernelIsa.Describe(), OneDnn.OffRequested(),
            OneDnnCaches.RequestedL1(), catalogue);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts)))[..16];
    }

    /// <summary>FASHIONBENCH_CACHE_DIR, else $XDG_CACHE_HOME/fashionbench, else ~/.cache/fashionbench.</summary>
    static string CacheFile(string key)
    {
        var dir = Environment.GetEnvironmentVariable("FASHIONBENCH_CACHE_DIR") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "fashionbench");
        return Path.Combine(dir, $"kernel-check-{key}.json");
    }

    static KernelCheckReport? ReadCache(string key)
    {
        var path = CacheFile(key);
        try
        {
            var report = JsonSerializer.Deserialize<KernelCheckReport>(File.ReadAllText(path), JsonFormat.Options);
            return report is { Passed: true } && report.Key == key ? report : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException) { return null; }
    }

    // A cache that cannot be written only costs a re-check next time.
    static void WriteCache(KernelCheckReport report)
    {
        var path = CacheFile(report.Key);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(report, JsonFormat.Options));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
