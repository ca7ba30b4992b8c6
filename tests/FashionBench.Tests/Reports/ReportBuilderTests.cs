using System.Globalization;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Harness.Timing;
using FashionBench.Models;
using FashionBench.Reports;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Tables;
using FashionBench.Tests.Reports.Builder;
using NUnit.Framework;
using UglyToad.PdfPig;

namespace FashionBench.Tests.Reports;

/// <summary>
/// A documented-profile results folder of real catalogue models (an MNIST model, a Fashion-MNIST model with two
/// ablations, one with two seeds, a 001 model, a model with nothing documented), rendered once; the PDF is read back.
/// </summary>
[TestFixture]
public sealed class ReportBuilderTests
{
    const int Dpi = 30;
    static readonly SyntheticRun[] Runs =
    [
        new("mnist-8k/model1", 1, 0.995),
        new("fashion-cnn/aug-dropout", 1, 0.70),
        new("fashion-cnn/no-aug", 1, 0.93),
        new("fashion-cnn/no-aug", 2, 0.92),
        new("keras-cnn/relu-maxpool-adam", 1, 0.95),
        new("tinyvgg/v2", 1, 0.60),
    ];
    const double ReferenceAccuracy = 0.98;

    ReportFixture fixture = null!;
    List<RunRow> runsCsv = [];

    [OneTimeSetUp]
    public void Render()
    {
        fixture = new ReportFixture(Profile.Get("documented"), Runs, withBenchFiles: true, f =>
        {
            CsvFile.Write(f.ReferenceCsv, [new RunRow { RunId = "ref", Model = "mnist-8k/model1", Seed = 1, TestAccuracy = ReferenceAccuracy }]);
            CsvFile.Write(Path.Combine(f.Store.ProfileDir, RunStore.ThroughputNotTimedTable), NotTimed);
            // A stale statistics table: the report rebuilds the folder's tables from its runs before reading them.
            File.WriteAllText(Path.Combine(f.Store.ProfileDir, RunStore.SeedStatsTable),
                "model,n,accuracy_mean,accuracy_std,accuracy_ci_low,accuracy_ci_high,macro_f1_mean,macro_f1_std,macro_f1_ci_low,macro_f1_ci_high,device\n"
                + "fashion-cnn/no-aug,2,0.111,0.005,0.88,0.97,0.92,0.004,0.89,0.95,cpu\n");
        });
        runsCsv = CsvFile.Read<RunRow>(Path.Combine(fixture.Store.ProfileDir, "runs.csv"));
    }

    [OneTimeTearDown]
    public void Clean() => fixture.Dispose();

    static readonly InferenceNotTimed[] NotTimed =
    [
        new() { Model = "tinyvgg/v2", Engine = "onnxruntime", Device = "cpu", BatchSize = 64, Reason = "its logits differ from the module's by 0.87 of their scale (more than 1%)" },
        new() { Model = "tinyvgg/v2", Engine = "torchsharp", Device = "cuda", Reason = "this libtorch has no usable CUDA device: a CPU build, or no GPU" },
    ];

    [Test]
    public void TheEnginesNotTimedAreListedWithWhy()
    {
        Assert.That(fixture.Words, Does.Contain("Engines not timed (throughput_not_timed.csv)"));
        foreach (var engine in NotTimed)
            Assert.That(fixture.Words, Does.Contain(engine.Reason), $"{engine.Engine} on {engine.Device}: its reason, whole");
    }

    static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture);
    static string Pp(double? pp) => pp is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—";

    [Test]
    public void PdfOpensWithTheLaidOutPagesAndTheProfileInItsTitle()
    {
        using var pdf = PdfDocument.Open(fixture.Outcome.PdfPath);
        Assert.That(fixture.Outcome.PdfPath, Is.EqualTo(Path.Combine(fixture.Store.ProfileDir, RunStore.ReportFile)));
        Assert.That(pdf.NumberOfPages, Is.EqualTo(fixture.Outcome.Layout.PageCount));
        Assert.That(pdf.Information.Title, Is.EqualTo("FashionBench report: documented profile"));
        Assert.That(pdf.Information.CreationDate, Does.StartWith("D:20250607080910"));
    }

    // e.g. "Write-up 002: fashion-cnn"
    static string WriteUpHeading(string number) => $"Write-up {number}: {string.Join(", ", ModelCatalog.FindWriteUp(number)!.Families)}";

    [Test]
    public void EverySectionHeadingIsListedAndPrintedOnItsPage()
    {
        string[] everyReports = ["Documented claims at a glance", "Method", "Provenance", "Summary of runs", "Inference: TorchSharp and ONNX Runtime"];
        var expected = everyReports.Concat(new[] { "001", "002", "003", "004" }.Select(WriteUpHeading)).ToList();
        var laidOut = fixture.Outcome.Layout.Headings;
        foreach (var heading in expected)
        {
            var entry = laidOut.SingleOrDefault(h => h.Text == heading);
            Assert.That(entry, Is.Not.Null, $"no heading '{heading}'");
            Assert.That(fixture.Pages[entry!.PageNumber - 1], Does.Contain(heading), $"'{heading}' is not printed on page {entry.PageNumber}");
        }
        Assert.That(laidOut.Select(h => h.Text), Does.Not.Contain(WriteUpHeading("000")), "000 has no runs here");
    }

    [Test]
    public void EveryRunsModelHasASectionThatNamesIt()
    {
        foreach (var model in Runs.Select(r => r.Model).Distinct())
        {
            var heading = fixture.Outcome.Layout.Headings.SingleOrDefault(h => h.Level == 2 && h.Text.StartsWith(model + ": ", StringComparison.Ordinal));
            Assert.That(heading, Is.Not.Null, $"no section for {model}");
            Assert.That(fixture.AllText, Does.Contain(model));
        }
    }

    [Test]
    public void SummaryTableShowsTheNumbersOfRunsCsvPerModel()
    {
        Assert.That(runsCsv.Select(r => (r.Model, r.Seed)), Is.EquivalentTo(Runs.Select(r => (r.Model, r.Seed))));
        var summary = fixture.Outcome.Layout.Tables.Where(t => t.Headers.Contains("Acc. (%)") && t.Headers.Contains("vs ref. (pp)")).Single();
        var lines = Enumerable.Range(summary.FirstPage, summary.LastPage - summary.FirstPage + 1).SelectMany(p => fixture.Pages[p - 1]).ToList();
        foreach (var model in runsCsv.GroupBy(r => r.Model))
        {
            // The row's first line: the whole model id (the table has room for it), seeds, then the mean accuracy.
            var prefix = $"{model.Key} {model.Count()} {Percent(model.Average(r => r.TestAccuracy))} ";
            var line = lines.SingleOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            Assert.That(line, Is.Not.Null, $"no summary line starts '{prefix}' in:\n{string.Join("\n", lines)}");
            Assert.That(line, Does.Contain(" " + model.Average(r => r.MacroF1).ToString("0.0000", CultureInfo.InvariantCulture) + " "));
        }
        var sizes = fixture.Outcome.Layout.Tables.Single(t => t.Headers.Contains("Params") && t.Headers.Contains("Doc. params"));
        var sizeLines = Enumerable.Range(sizes.FirstPage, sizes.LastPage - sizes.FirstPage + 1).SelectMany(p => fixture.Pages[p - 1]).ToList();
        foreach (var row in runsCsv)
            Assert.That(sizeLines, Has.Some.Contains($" {row.Params.ToString("N0", CultureInfo.InvariantCulture)} "), row.Model);
    }

    [Test]
    public void TitlePageTallyEqualsVerdictsCsvAndNamesTheClaimsThatFailed()
    {
        var verdicts = CsvFile.Read<VerdictLine>(Path.Combine(fixture.Store.ProfileDir, "verdicts.csv"));
        int Count(string verdict) => verdicts.Count(v => v.Verdict == verdict);
        var notComparable = verdicts.Count(v => v.Verdict.StartsWith("not comparable", StringComparison.Ordinal));
        var claims = Count("held") + Count("did not hold") + Count("inconclusive") + Count("run failed") + Count("contradicted by the write-up") + notComparable;
        Assert.That(claims, Is.EqualTo(verdicts.Count(v => v.Verdict is not ("nothing documented" or "reported, not judged"))), "every row has one of the outcomes");
        var firstPage = string.Join(" ", fixture.Pages[0]);
        Assert.That(firstPage, Does.Contain($"Of {claims} documented claims set against these runs, {Count("held")} held, {Count("did not hold")} did not hold and {Count("inconclusive")} were inconclusive"));
        Assert.That(firstPage, Does.Contain($"{Count("contradicted by the write-up")} are contradicted by the write-up itself and {notComparable} cannot be tested by these runs"));

        // Facts of the catalogue: model1's 7,108 parameters are exactly the claim; FashionCNN's "~310K" is contradicted by its own layer list.
        Assert.That(verdicts.Single(v => v.Model == "mnist-8k/model1" && v.Claim == "parameters").Verdict, Is.EqualTo("held"));
        Assert.That(verdicts.Single(v => v.Model == "fashion-cnn/aug-dropout" && v.Claim == "parameters").Verdict, Is.EqualTo("contradicted by the write-up"));
        Assert.That(verdicts.Single(v => v.Model == "tinyvgg/v2" && v.Claim == "test accuracy").Verdict, Is.EqualTo("nothing documented"));
        var claimsTable = fixture.Outcome.Layout.Tables.First(t => t.Headers.Contains("Claim") && t.Headers.Contains("Model"));
        Assert.That(claimsTable.LastPage, Is.LessThanOrEqualTo(3), "the claims and their verdicts must be read within the first three pages");
        var firstPages = fixture.Pages.Take(3).SelectMany(p => p).ToList();
        Assert.That(firstPages.Where(l => l.StartsWith("fashion-cnn/aug-dropout parameters ", StringComparison.Ordinal)),
            Has.One.Contains(" ~310,000 1,701,578 contradicted"), string.Join("\n", firstPages));
    }

    [Test]
    public void NoTableCutsAWordOrLeavesItsHeaderAloneAtAPageFoot()
    {
        foreach (var table in fixture.Outcome.Layout.Tables)
        {
            Assert.That(table.CutWords, Is.Zero, $"table {table.Number} ({string.Join(", ", table.Headers)}) on page {table.FirstPage} cuts a word");
            Assert.That(table.RowsOnFirstPage, Is.GreaterThanOrEqualTo(Math.Min(3, table.Rows)),
                $"table {table.Number} ({string.Join(", ", table.Headers)}) starts on page {table.FirstPage} with {table.RowsOnFirstPage} of {table.Rows} rows");
        }
    }

    [Test]
    public void CaptionedTablesAreNumberedFromOne() =>
        Assert.That(fixture.Outcome.Layout.Tables.Where(t => t.Number > 0).Select(t => t.Number),
            Is.EqualTo(Enumerable.Range(1, fixture.Outcome.Layout.Tables.Count(t => t.Number > 0))));

    [Test]
    public void PageOneHasOneLinePerWriteUpWithRuns()
    {
        var firstPage = fixture.Pages[0];
        foreach (var writeUp in fixture.Outcome.Tables.DocumentedVerdicts.Select(v => v.WriteUp).Distinct())
            Assert.That(firstPage.Count(l => l.StartsWith($"• {writeUp}: ", StringComparison.Ordinal)), Is.EqualTo(1), writeUp);
    }

    [Test]
    public void EveryTableTheReportShowsIsAlsoWrittenAsCsv()
    {
        foreach (var file in ReportTables.CsvFiles)
            Assert.That(File.Exists(Path.Combine(fixture.Store.ProfileDir, file)), file);
        var summary = CsvFile.Read<SummaryRow>(Path.Combine(fixture.Store.ProfileDir, "report_summary.csv"));
        Assert.That(summary.Select(s => s.RunId), Is.EqualTo(runsCsv.Select(r => r.RunId)));
        var mnist = summary.Single(s => s.Model == "mnist-8k/model1");
        Assert.That(mnist.ReferenceAccuracyMean, Is.EqualTo(ReferenceAccuracy));
        Assert.That(mnist.VsReferencePp, Is.EqualTo(Math.Round((mnist.TestAccuracy - ReferenceAccuracy) * 100, 4)));
        Assert.That(summary.Where(s => s.Model != "mnist-8k/model1").Select(s => s.VsReferencePp), Is.All.Null, "the reference has no other model");
        Assert.That(fixture.AllText, Does.Contain(Pp(mnist.VsReferencePp)));

        var noAug = summary.Single(s => s.Model == "fashion-cnn/no-aug" && s.Seed == 1);
        var augDropout = summary.Single(s => s.Model == "fashion-cnn/aug-dropout" && s.Seed == 1);
        Assert.That(noAug.Baseline, Is.EqualTo("fashion-cnn/aug-dropout"));
        Assert.That(noAug.VsBaselinePp, Is.EqualTo(Math.Round((noAug.TestAccuracy - augDropout.TestAccuracy) * 100, 4)));
        Assert.That(summary.Single(s => s.Model == "fashion-cnn/no-aug" && s.Seed == 2).VsBaselinePp, Is.Null, "the baseline has no seed-2 run");
        // The write-up's side-by-side table: no-aug over its two seeds, against aug-dropout on the one pair they share.
        var noAugMean = summary.Where(s => s.Model == "fashion-cnn/no-aug").Average(s => s.TestAccuracy);
        Assert.That(fixture.AllText, Does.Contain(
            $"no-aug aug-dropout 1,701,578 2 {Percent(noAugMean)} 92.71 {Pp((noAugMean - 0.9271) * 100)} {Pp(noAug.VsBaselinePp)} (1)"));

        var pairs = CsvFile.Read<ConfusedPairRow>(Path.Combine(fixture.Store.ProfileDir, "confused_pairs.csv"));
        Assert.That(pairs.GroupBy(p => (p.Model, p.Seed)).Select(g => g.Count()), Is.All.InRange(1, ReportTables.ConfusedPairsPerRun));
        var top = pairs.First(p => p.Model == "fashion-cnn/aug-dropout");
        Assert.That(fixture.AllText, Does.Contain($"{top.TrueClass} → {top.PredictedClass} ({Percent(top.FractionOfTrue)} %)"));
    }

    [Test]
    public void MisclassifiedImagesComeFromTheInjectedTestImages()
    {
        Assert.That(fixture.Pixels.Requested, Is.EquivalentTo(new[] { "mnist", "fashion-mnist" }), "each dataset is asked for once");
        var misclassified = CsvFile.Read<MisclassifiedRow>(Path.Combine(fixture.Store.ProfileDir, "misclassified.csv"));
        // Each write-up shows its first model's mistakes; the others' are in misclassified.csv.
        foreach (var model in ModelCatalog.WriteUps.Select(w => Runs.FirstOrDefault(r => ModelCatalog.Find(r.Model)!.WriteUp == w.Number)?.Model).OfType<string>())
            Assert.That(fixture.Outcome.Layout.Figures.Select(f => f.Caption), Has.Some.StartsWith($"The {misclassified.Count(m => m.Model == model && m.Seed == 1)} most confident mistakes of {model}, "));
        foreach (var model in Runs.Select(r => r.Model).Distinct())
        {
            foreach (var run in misclassified.Where(m => m.Model == model).GroupBy(m => m.Seed))
                Assert.That(run.Select(m => m.Confidence), Is.Ordered.Descending, $"{model} seed {run.Key}");
        }
    }

    [Test]
    public void WriteUp001ShowsTheFirstLayerFiltersAndActivationMaps()
    {
        var caption = fixture.Outcome.Layout.Figures.Select(f => f.Caption).SingleOrDefault(c => c.Contains("filters of keras-cnn/relu-maxpool-adam's first convolution"));
        Assert.That(caption, Is.Not.Null);
        Assert.That(caption, Does.Contain("the first 32 feature maps after its activation"));
    }

    [Test]
    public void ThroughputRowsAreOneLineEachWithRatesToThreeDigits()
    {
        var table = fixture.Outcome.Layout.Tables.Single(t => t.Headers.Contains("p50"));
        var lines = Enumerable.Range(table.FirstPage, table.LastPage - table.FirstPage + 1).SelectMany(p => fixture.Pages[p - 1]).ToList();
        var engineRows = lines.SkipWhile(l => !l.StartsWith("Model Engine", StringComparison.Ordinal))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\b(torchsharp-plain|torchsharp|onnxruntime)\b")).ToList();
        Assert.That(engineRows, Has.Count.EqualTo(table.Rows), string.Join("\n", lines));
        // A row: [model] engine, a rate per batch size ("899", "1.43k", "10.6k", "226k", "2.27M"), then the latencies.
        var batches = table.Headers.Count(h => h.StartsWith("batch", StringComparison.Ordinal));
        Assert.That(engineRows, Has.All.Match(@"(torchsharp-plain|torchsharp|onnxruntime)( (\d{1,3}|\d\.\d\d[kM]|\d\d\.\d[kM]|\d{3}[kM]|—)){" + batches + "} \\d+\\.\\d{3} "));
    }

    [Test]
    public void InferenceSectionPrintsThePeakDerivationAndParity()
    {
        var peak = CpuPeak.Parse(ReportFixture.CpuInfo, 2)!;
        var text = string.Join(" ", fixture.Pages.SelectMany(p => p));
        Assert.That(text, Does.Contain("160.0 GFLOP/s"));
        Assert.That(peak.Derivation, Is.EqualTo("2 cores × 2 FMA units × 8 floats (AVX2+FMA) × 2 FLOP × 2.500 GHz = 160.0 GFLOP/s (Test CPU)"));
        var rows = CsvFile.Read<ThroughputPeakRow>(Path.Combine(fixture.Store.ProfileDir, "throughput_peak.csv"));
        var row = rows.First(r => r.Model == "mnist-8k/model1" && r.BatchSize == 64 && r.Engine == "onnxruntime");
        Assert.That(row.PercentOfPeak, Is.EqualTo(row.ImagesPerSecond * row.ForwardMflops / 1000 / 160.0 * 100).Within(1e-9));
        Assert.That(fixture.Outcome.Layout.Headings.Select(h => h.Text), Does.Contain("ONNX Runtime parity"));
    }

    [Test]
    public void SeedStatisticsAreRebuiltFromTheRunsAndTheSummaryShowsThem()
    {
        var seeds = CsvFile.Read<SeedStatsRow>(fixture.Store.TableOf(RunStore.SeedStatsTable)).Single();
        Assert.That((seeds.Model, seeds.N), Is.EqualTo(("fashion-cnn/no-aug", 2)));
        Assert.That(seeds.AccuracyMean, Is.Not.EqualTo(0.111), "the stale table was rebuilt before the report read it");
        var summary = fixture.Outcome.Layout.Tables.Single(t => t.Headers.Contains("Acc. (%)") && t.Headers.Contains("sd (pp)"));
        var lines = Enumerable.Range(summary.FirstPage, summary.LastPage - summary.FirstPage + 1).SelectMany(p => fixture.Pages[p - 1]);
        Assert.That(lines, Has.Some.StartsWith($"fashion-cnn/no-aug 2 {Percent(seeds.AccuracyMean)} {(seeds.AccuracyStd * 100).ToString("0.00", CultureInfo.InvariantCulture)} "));
    }

    [Test]
    public void NoChartIsBlank()
    {
        PageRaster.RequirePdftoppm();
        var figures = fixture.Outcome.Layout.Figures;
        Assert.That(figures.Select(f => f.Caption), Has.Some.StartsWith("Training curves of").And.Some.StartsWith("Row-normalised confusion matrices")
            .And.Some.StartsWith("Inference images/s"));
        var dir = Directory.CreateTempSubdirectory("fb-report-raster-").FullName;
        try
        {
            foreach (var page in figures.GroupBy(f => f.PageNumber))
            {
                using var bitmap = PageRaster.Render(fixture.Outcome.PdfPath, page.Key, Dpi, Path.Combine(dir, $"page{page.Key}"));
                foreach (var figure in page)
                    Assert.That(PageRaster.InkFraction(bitmap, figure.Bounds, Dpi), Is.GreaterThan(0.02),
                        $"figure {figure.Number} ('{figure.Caption}') on page {figure.PageNumber} is blank");
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>The columns of verdicts.csv this test reads.</summary>
}
