using System.Text.Json;
using FashionBench.Harness.Comparison;
using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Export;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Harness.Timing;
using FashionBench.Models;

namespace FashionBench.Reports.Inputs;

/// <summary>
/// Everything a report shows, read (never written) from one profile's results folder: the runs that count
/// (RunSelection) with their curves and predictions, and where present throughput.csv (and the engines it lacks),
/// parity.csv, compare.csv and the committed reference. Optional tables are null when their file is absent.
/// </summary>
public sealed record ReportInputs(
    RunStore Store,
    string Profile,
    IReadOnlyList<RunRecords> Runs,
    IReadOnlyList<RunRow> RunRows,
    IReadOnlyList<InferenceThroughputRecord>? Throughput,
    IReadOnlyList<ParityResult>? Parity,
    ReferenceRuns Reference,
    IReadOnlyList<StaleRun>? Stale = null,
    IReadOnlyList<CompareRow>? Compare = null,
    IReadOnlyList<InferenceNotTimed>? ThroughputNotTimed = null)
{
    /// <summary>The profile's run store; a one-line error naming the folder when it holds no complete run.</summary>
    public static RunStore OpenStore(string resultsRoot, string profile)
    {
        var store = new RunStore(resultsRoot, profile);
        if (!Directory.Exists(store.ProfileDir))
            throw new UserError($"{store.ProfileDir}: no such results folder (run `fashionbench train --profile {profile} --results {resultsRoot}` first)");
        if (store.CompleteRuns().Count == 0)
            throw new UserError($"{store.ProfileDir}: no complete runs to report (run `fashionbench train --profile {profile} --results {resultsRoot}` first)");
        return store;
    }

    /// <param name="referenceRunsCsv">The committed reference runs.csv for this profile (it need not exist).</param>
    public static ReportInputs Load(RunStore store, string profile, string referenceRunsCsv)
    {
        var selection = RunSelection.Of(store);
        var rows = Aggregates.Rows(selection);
        if (rows.Count == 0) throw new UserError($"{store.ProfileDir}: no current runs to report ({selection.Stale.Count} stale)");
        var runs = rows.Select(r => Read(store, r.RunId)).ToList();
        return new ReportInputs(store, profile, runs, rows,
            Optional<ThroughputCsvRow>(store, RunStore.ThroughputTable)?.Select(r => r.ToRecord()).ToList(),
            Optional<ParityCsvRow>(store, RunStore.ParityTable)?.Select(r => r.ToResult()).ToList(),
            ReferenceRuns.Load(referenceRunsCsv), selection.Stale, Optional<CompareRow>(store, RunStore.CompareTable),
            Optional<InferenceNotTimed>(store, RunStore.ThroughputNotTimedTable));
    }

    /// <summary>
    /// One run per documented model (<see cref="RunSelection.Representative"/>), in catalogue order: the run the
    /// per-model pages show. Probes have no pages of their own; their verdicts are in the probes table.
    /// </summary>
    public IReadOnlyList<RunRecords> Representatives =>
        Runs.Where(r => r.Spec?.IsProbe != true).GroupBy(r => r.Model).Select(g => RunSelection.Representative(g, r => r.Metrics)!).ToList();

    /// <summary>The devices these runs were made on, CPU first.</summary>
    public IReadOnlyList<string> Devices => Runs.Select(r => r.Metrics.Device).Distinct().OrderBy(d => d != "cpu").ThenBy(d => d).ToList();

    /// <summary>
    /// <paramref name="name"/> (a model, a finding) as a table row names it: with its device where the report mixes
    /// devices and it is not the CPU; a one-device report names its device once, under its title.
    /// </summary>
    public string OnDevice(string name, string device) => device == "cpu" || Devices.Count == 1 ? name : $"{name} ({device})";

    private static RunRecords Read(RunStore store, string runId)
    {
        var metrics = store.ReadMetrics(runId);
        return new RunRecords(metrics, store.ReadConfig(runId), ModelCatalog.Find(metrics.Model),
            store.ReadCurves(runId).OrderBy(c => c.Epoch).ToList(),
            store.ReadPredictions(runId));
    }

    private static List<T>? Optional<T>(RunStore store, string file)
    {
        var path = store.TableOf(file);
        return File.Exists(path) ? CsvFile.Read<T>(path) : null;
    }
}
