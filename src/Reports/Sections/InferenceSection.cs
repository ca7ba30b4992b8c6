using FashionBench.Reports.Charts;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>TorchSharp against ONNX Runtime: images/s per batch size (charts and table), % of the CPU's FP32 peak, and parity.</summary>
internal static class InferenceSection
{
    public const string Heading = "Inference: TorchSharp and ONNX Runtime";
    public const string ParityHeading = "ONNX Runtime parity";
    private const float ChartHeight = 175;

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        doc.Add(new HeadingBlock(Heading));
        var rows = material.Tables.ThroughputPeak;
        if ((rows is null || rows.Count == 0) && material.Inputs.ThroughputNotTimed is { Count: > 0 })
            doc.Add(new ParagraphBlock("The bench verb timed no engine for this profile; the table below says why."));
        else if (rows is null || rows.Count == 0)
            doc.Add(new ParagraphBlock($"No inference throughput was measured for this profile (no throughput.csv in {material.Inputs.Store.ProfileDir}); run `fashionbench bench --profile {material.Inputs.Profile}` after `fashionbench export`."));
        else
        {
            if (rows.Any(r => r.Weights != Harness.Runs.TrainedModels.Trained))
                doc.Add(new ParagraphBlock([
                    new TextRun("Weights. ", Bold: true),
                    new TextRun("These runs were kept without their trained weights, so each model was timed with its initial weights, built from its seed as training began (throughput.csv's weights column). "
                                + "The kernels do the same work whatever the values, so the speed is the model's; the parity check below then tests the export of the architecture on those weights."),
                ]));
            Peak(doc, material, rows);
            Charts(doc, rows);
            doc.Add(Table(rows));
        }
        if (material.Inputs.ThroughputNotTimed is { Count: > 0 } notTimed) doc.Add(NotTimed(notTimed));
        Parity(doc, material);
    }

    /// <summary>The engines bench did not time, and why: so that a missing row is explained, and a wrong engine is a recorded failure.</summary>
    private static TableBlock NotTimed(IReadOnlyList<Harness.Timing.InferenceNotTimed> notTimed) => new(
        ["Model", "Engine", "Device", "Batch", "Why it was not timed"],
        notTimed.Select(n => (IReadOnlyList<TableCell>)[
            n.Model, n.Engine, n.Device, n.BatchSize is { } batch ? Fmt.Invariant($"{batch:N0}") : "any",
            n.BatchSize is null ? n.Reason : VerdictStyle.Cell(n.Reason, Verdicts.Verdict.DidNotHold),
        ]).ToList(),
        [1.6f, 0.9f, 0.5f, 0.5f, 3.5f],
        [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Left],
        "Engines not timed (throughput_not_timed.csv): one that cannot run on the device here is left out at every batch size; "
        + Fmt.Invariant($"one whose logits for a batch were not the module's (beyond {Harness.Timing.InferenceThroughput.LogitTolerance:0%} of their scale) is a failure, marked, since its speed would be that of another computation."));

    private static void Peak(ReportDocument doc, ReportMaterial material, IReadOnlyList<ThroughputPeakRow> rows)
    {
        if (rows.All(r => r.Device != "cpu")) return;   // a CPU's peak says nothing about GPU measurements
        var measured = rows.Where(r => r.PeakMethod == "measured").ToList();
        if (measured.Count > 0)
        {
            var over = measured.Where(r => r.PercentOfPeak > 100).ToList();
            doc.Add(new ParagraphBlock([
                new TextRun("FP32 peak. ", Bold: true),
                new TextRun(string.Join("; ", measured.GroupBy(r => r.Threads).OrderBy(g => g.Key)
                    .Select(g => Fmt.Invariant($"{g.Key} thread{(g.Key == 1 ? "" : "s")}: {g.First().PeakGflops:0.0} GFLOP/s")))
                    + " measured by the bench verb right before it timed the engines, on the same threads: twelve independent chains of fused multiply-adds per thread, in 256- and (where accelerated) 512-bit vectors, the best of five runs. "
                    + "It includes the clock the cores really run at, so no kernel can exceed it. % of peak = images/s × forward FLOPs per image (counted from the spec) / that peak."
                    + (over.Count > 0 ? Fmt.Invariant($" {over.Count} row(s) exceed 100 %: the peak measurement was disturbed (load), so their share is not meaningful.") : "")),
            ]));
            if (measured.Count == rows.Count(r => r.Device == "cpu")) return;
        }
        if (material.Context.PeakFor(1) is not { } peak)
        {
            doc.Add(new ParagraphBlock("% of peak is not given: /proc/cpuinfo is missing here or lists no 'cpu MHz'."));
            return;
        }
        var benchCpus = material.Inputs.Runs.Select(r => r.Metrics.Provenance.Cpu).Distinct().ToList();
        var sameCpu = benchCpus.Count == 1 && benchCpus[0] == peak.Description;
        var derivations = rows.Where(r => r.Device == "cpu").Select(r => r.Threads).Distinct().Order()
            .Select(t => Fmt.Invariant($"{t} thread{(t == 1 ? "" : "s")}: {material.Context.PeakFor(t)!.Derivation}"));
        doc.Add(new ParagraphBlock([
            new TextRun("Nominal FP32 peak, for rows timed before the bench verb recorded a measured one. ", Bold: true),
            new TextRun(Fmt.Invariant(
                $"Peak = cores × FMA units × floats per vector × 2 FLOP × clock, from this machine's /proc/cpuinfo ({peak.Model}): the vector width from its flags, the clock its mean 'cpu MHz', the cores those the benchmark's threads can use (at most the physical cores). ")),
            new TextRun(string.Join("; ", derivations) + ". "),
            new TextRun("% of peak = images/s × forward FLOPs per image (counted from the spec) / peak. "
                        + (sameCpu ? "The runs were made on the same CPU model as this report."
                            : $"The peak is this machine's; the runs were made on {string.Join(", ", benchCpus)}, so read % of peak with care.")),
        ]));
    }

    // Twenty models on one page: four to a row, five rows.
    private const int PanelColumns = 4, PanelRowsPerFigure = 5;
    private const float PanelHeight = 118, PanelGap = 8;

    /// <summary>
    /// Single-image latency across models, p50 and p95; then small multiples: one panel per model (engines × batch
    /// sizes), four to a row and twenty to a figure, all on one value axis under one legend, so models compare at a glance.
    /// (The shorter latency chart first: it fits under the section's opening text, the page-high panels then take a page.)
    /// </summary>
    private static void Charts(ReportDocument doc, IReadOnlyList<ThroughputPeakRow> rows)
    {
        var models = rows.Select(r => r.Model).Distinct().ToList();
        // Series are named by engine alone when every measurement ran on one device; every chart has all of them, in one order.
        Func<ThroughputPeakRow, string> series = rows.Select(r => r.Device).Distinct().Count() > 1 ? Engine : r => r.Engine;
        var names = rows.Select(series).Distinct().ToList();
        var (logScale, limits) = ThroughputBars.SharedAxis(rows.Select(r => r.ImagesPerSecond).ToList());
        if (Latency(rows.Where(r => r.BatchSize == 1).ToList(), series, names) is { } latency) doc.Add(latency);
        var perFigure = PanelColumns * PanelRowsPerFigure;
        foreach (var (figure, index) in models.Chunk(perFigure).Select((f, i) => (f, i)))
        {
            var panels = figure.Select(m => (Model: m, Chart: Chart(rows.Where(r => r.Model == m).ToList(), series, names, logScale, limits))).ToList();
            doc.Add(new FigureBlock(LegendRow.Height + (panels.Count + PanelColumns - 1) / PanelColumns * (PanelHeight + PanelGap), (canvas, rect) =>
            {
                LegendRow.Draw(canvas, rect, LegendRow.Series(names));
                var width = (rect.Width - (PanelColumns - 1) * PanelGap) / PanelColumns;
                for (var k = 0; k < panels.Count; k++)
                {
                    var (row, column) = Math.DivRem(k, PanelColumns);
                    using var plot = panels[k].Chart.CreatePlot(panel: true);
                    var (left, top) = (rect.Left + column * (width + PanelGap), rect.Top + LegendRow.Height + row * (PanelHeight + PanelGap));
                    PanelTitle.Draw(canvas, panels[k].Model, left, top, width);
                    PlotRendering.Render(plot, canvas, new SKRect(left, top + PanelTitle.Height, left + width, top + PanelHeight));
                }
            }, Fmt.Invariant($"Inference images/s by model, batch size and engine (models {index * perFigure + 1}–{index * perFigure + figure.Length} of {models.Count}): the median of the timed repetitions, every panel on one images/s axis ({(logScale ? "log scale" : "linear")}).")));
        }
    }

    private static ThroughputBars Chart(IReadOnlyList<ThroughputPeakRow> rows, Func<ThroughputPeakRow, string> series, IReadOnlyList<string> engines,
        bool logScale, (double, double) limits)
    {
        var batches = rows.Select(r => r.BatchSize).Distinct().Order().ToList();
        var values = new double[engines.Count, batches.Count];
        for (var e = 0; e < engines.Count; e++)
            for (var b = 0; b < batches.Count; b++)
                values[e, b] = rows.FirstOrDefault(r => series(r) == engines[e] && r.BatchSize == batches[b])?.ImagesPerSecond ?? double.NaN;
        return new ThroughputBars(engines, batches, values, logScale, limits);
    }

    /// <summary>Single-image serving across models (what 002's "~13.5 it/s" was): p50 bars with p95 dots; null without batch-1 rows.</summary>
    private static FigureBlock? Latency(IReadOnlyList<ThroughputPeakRow> rows, Func<ThroughputPeakRow, string> series, IReadOnlyList<string> engines)
    {
        if (rows.Count == 0) return null;
        var models = rows.Select(r => r.Model).Distinct().ToList();
        var (p50, p95) = (new double[engines.Count, models.Count], new double[engines.Count, models.Count]);
        for (var e = 0; e < engines.Count; e++)
            for (var m = 0; m < models.Count; m++)
            {
                var row = rows.FirstOrDefault(r => series(r) == engines[e] && r.Model == models[m]);
                (p50[e, m], p95[e, m]) = (row?.P50Ms ?? double.NaN, row?.P95Ms ?? double.NaN);
            }
        return new FigureBlock(LatencyBars.Height(models.Count, engines.Count), new LatencyBars(models, engines, p50, p95).Draw,
            "Latency of one image (batch 1) per model and engine: the bar is the median call, the dot the 95th percentile; p99 is in the table below and in throughput.csv.");
    }

    private static string Engine(ThroughputPeakRow row) => $"{row.Engine} ({row.Device})";

    /// <summary>
    /// One row per model and engine: images/s at each batch size, the latency percentiles at the smallest batch (one
    /// image: serving) and the share of the peak at the largest. Every other figure is in throughput_peak.csv.
    /// </summary>
    private static TableBlock Table(IReadOnlyList<ThroughputPeakRow> rows)
    {
        Func<ThroughputPeakRow, string> engine = rows.Select(r => r.Device).Distinct().Count() > 1 ? Engine : r => r.Engine;
        var batches = rows.Select(r => r.BatchSize).Distinct().Order().ToList();
        var (latencyBatch, peakBatch) = (batches[0], batches[^1]);
        var threads = rows.Select(r => r.Threads).Distinct().Order().ToList();
        var groups = rows.GroupBy(r => (r.Model, Engine: engine(r))).ToList();
        var lines = groups.Select((g, i) =>
        {
            ThroughputPeakRow? At(int batch) => g.FirstOrDefault(r => r.BatchSize == batch);
            var (latency, peak) = (At(latencyBatch), At(peakBatch));
            // A model's name on its first engine's row only: the rows below it are its other engines.
            var first = i == 0 || groups[i - 1].Key.Model != g.Key.Model;
            return (IReadOnlyList<TableCell>)[
                first ? g.Key.Model : "", g.Key.Engine,
                .. batches.Select(b => (TableCell)(At(b) is { } r ? Fmt.Rate(r.ImagesPerSecond) : Fmt.None)),
                latency is null ? Fmt.None : Milliseconds(latency.P50Ms), latency is null ? Fmt.None : Milliseconds(latency.P95Ms),
                latency?.P99Ms is { } p99 ? Milliseconds(p99) : Fmt.None,
                peak?.PercentOfPeak is { } p ? Fmt.Number(p, "0.0") : Fmt.None,
            ];
        }).ToList();
        return new(
            ["Model", "Engine", .. batches.Select(b => Fmt.Invariant($"batch {b:N0}")), "p50", "p95", "p99", "% peak"],
            lines,
            // With rates in three digits there is room for the longest id (keras-cnn/leakyrelu-maxpool-adam) and engine
            // (torchsharp-plain) on one line each, so each of a model's rows is one line.
            [165, 82, .. batches.Select(_ => 36f), 34, 34, 34, 30],
            [SKTextAlign.Left, SKTextAlign.Left, .. Enumerable.Repeat(SKTextAlign.Right, batches.Count + 4)],
            Fmt.Invariant($"Inference throughput: images/s at each batch size (three significant digits; k thousand, M million); p50, p95, p99: ms per call at batch {latencyBatch:N0} (— where not recorded); % of the CPU's FP32 peak at batch {peakBatch:N0} (none on GPUs); ")
            + (threads.Count == 1 ? Fmt.Invariant($"every engine ran on {threads[0]} thread{(threads[0] == 1 ? "" : "s")}") : $"threads: {string.Join(", ", threads)}")
            + (rows.Select(r => r.Device).Distinct().Count() == 1 ? $", on {rows[0].Device}" : "")
            + ". Every figure of every batch size is in throughput.csv and throughput_peak.csv.");
    }

    private static string Milliseconds(double ms) => Fmt.Number(ms, ms < 10 ? "0.000" : "0.0");

    private static void Parity(ReportDocument doc, ReportMaterial material)
    {
        doc.Add(new HeadingBlock(ParityHeading, 2));
        if (material.Inputs.Parity is not { Count: > 0 } parity)
        {
            doc.Add(new ParagraphBlock($"No parity results for this profile (no parity.csv); run `fashionbench export --profile {material.Inputs.Profile}`."));
            return;
        }
        // A collapsed model predicts one class whatever its input: its exported copy agrees trivially, which proves little.
        var failed = material.Inputs.Representatives.Where(r => r.Metrics.Status != "ok").ToDictionary(r => r.Model, r => r.Metrics.Status);
        doc.Add(new TableBlock(["Model", "Max |Δ logit|", "Argmax agreement (%)", "ONNX size (KB)", "Parity"],
            parity.Select(p => (IReadOnlyList<TableCell>)[
                p.Model, Fmt.Number(p.MaxAbsDiff, "0.00E+00"), Fmt.Percent(p.ArgmaxAgreement), Fmt.Number(p.OnnxBytes / 1024.0, "N1"),
                failed.TryGetValue(p.Model, out var status)
                    ? VerdictStyle.Cell($"{(p.Passed ? "passed" : "failed")}, but the run {status}", Verdicts.Verdict.RunFailed)
                    : VerdictStyle.Cell(p.Passed ? "passed" : "failed", p.Passed ? Verdicts.Verdict.Held : Verdicts.Verdict.DidNotHold),
            ]).ToList(),
            [2.3f, 1.1f, 1.3f, 1.1f, 0.9f],
            [SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Right, SKTextAlign.Left],
            Fmt.Invariant($"ONNX Runtime (CPU execution provider) against TorchSharp (CPU) on the first {Harness.Export.ExportPipeline.ParityImages} test images, with each model's representative run's weights (parity.csv)")
            + (parity.Any(p => p.Weights != Harness.Runs.TrainedModels.Trained) ? ", or its initial weights where the run was kept without them" : "")
            + Fmt.Invariant($": parity passes when every logit is within {Harness.Export.ParityResult.Tolerance:0E+0} and every predicted class agrees. A model whose run collapsed agrees trivially, and says so.")));
    }
}
