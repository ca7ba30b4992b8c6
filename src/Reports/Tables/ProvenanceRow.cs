using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper.Configuration.Attributes;
using FashionBench.Harness.Runs;
using FashionBench.Reports.Inputs;

namespace FashionBench.Reports.Tables;

/// <summary>
/// A row of provenance.csv: where and with what the runs were made, one fact per row. A fact that differs between
/// runs lists each value once.
/// </summary>
public sealed record ProvenanceRow([property: Name("key")] string Key, [property: Name("value")] string Value)
{
    public const string Differs = " (differs between runs)";

    /// <summary>Keys of the dataset-hash rows start with this, followed by "dataset/file".</summary>
    public const string HashPrefix = "SHA-256 ";

    public static IReadOnlyList<ProvenanceRow> Of(ReportInputs inputs, ReportContext context)
    {
        var metrics = inputs.Runs.Select(r => r.Metrics).ToList();
        var provenance = metrics.Select(m => m.Provenance).ToList();
        var profile = Profile.All.FirstOrDefault(p => p.Name == inputs.Profile);
        var created = provenance.Select(p => p.Created.UtcDateTime).Order().ToList();
        var rows = new List<ProvenanceRow>
        {
            new("Report generated", Invariant($"{context.Created.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC")),
            new("Report command", context.CommandLine),
            new("Profile", profile is null ? inputs.Profile : $"{profile.Name}: {profile.Description}"),
            new("Runs", Invariant($"{metrics.Count} complete runs of {metrics.Select(m => m.Model).Distinct().Count()} models")),
            new("Seeds", string.Join(", ", metrics.Select(m => m.Seed).Distinct().Order())),
            new("Trained", Invariant($"{created[0]:yyyy-MM-dd HH:mm:ss} to {created[^1]:yyyy-MM-dd HH:mm:ss} UTC")),
            new("Git commit", Distinct(provenance.Select(p => p.GitCommit + (p.GitDirty ? " with uncommitted changes (dirty)" : " (clean)")), "\n")),
            new("Command lines", string.Join("\n", provenance.Select(p => Command(p.CommandLine)).Distinct())),
            new("Host", Distinct(provenance.Select(p => p.Host))),
            new("OS", Distinct(provenance.Select(p => p.Os))),
            new("CPU", Distinct(provenance.Select(p => p.Cpu))),
            new("CPU kernels", Distinct(provenance.Select(p => p.CpuKernels ?? "not recorded"))),
            new("Kernel self-check", Distinct(provenance.Select(p => p.KernelSelfCheck ?? "not recorded (run before the check existed)"), "\n")),
            new("Cores / threads", Distinct(metrics.Select(m => Invariant($"{m.Provenance.LogicalCores} logical cores, {m.Threads} intra-op threads")))),
            new("GPU", Distinct(metrics.Select(m => m.Provenance.Gpu ?? (m.Device == "cpu" ? "none" : "not recorded")))),
            new("Devices", Distinct(metrics.Select(m => m.Device))),
            new(".NET", Distinct(provenance.Select(p => p.DotNet))),
            new("TorchSharp", Distinct(provenance.Select(p => p.TorchSharp))),
            new("libtorch", Distinct(provenance.Select(p => p.LibTorch))),
            new("ONNX Runtime", Distinct(provenance.Select(p => p.OnnxRuntime))),
        };
        rows.AddRange(metrics.SelectMany(m => m.DatasetChecksums).GroupBy(c => $"{HashPrefix}{c.Dataset}/{c.File}")
            .Select(g => new ProvenanceRow(g.Key, Distinct(g.Select(c => c.Sha256)))));
        return rows;
    }

    /// <summary>
    /// A run's command line as a reader would type it: the program as "fashionbench" wherever it was built (the git
    /// commit says which code ran; each run's metrics.json keeps the whole line), and a --jobs worker's own parts (its
    /// parent's process id, its one run) as placeholders, so the workers of one training read as one line.
    /// </summary>
    public static string Command(string commandLine) =>
        Regex.Replace(Regex.Replace(Regex.Replace(commandLine, @"^\S*fashionbench(\.dll)?(?=\s|$)", "fashionbench"),
            @"--worker-of \d+", "--worker-of <pid>"), @"--run \S+", "--run <run-id>");

    private static string Distinct(IEnumerable<string> values, string separator = "; ")
    {
        var distinct = values.Distinct().ToList();
        return string.Join(separator, distinct) + (distinct.Count > 1 ? Differs : "");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
