using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Data;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Reports;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;

namespace FashionBench.Cli.Commands;

/// <summary>`fashionbench report`: a profile's results folder → report.pdf and the CSV files of everything it shows.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var folder = new ProfileFolderOptions();
        var command = new Command("report", "Render <results>/<profile>/report.pdf (documented against measured) from the results folder; never trains");
        folder.AddTo(command);
        command.SetAction(parse =>
        {
            var profileName = folder.ProfileName(parse);
            var resultsRoot = folder.ResultsRoot(parse);
            var store = ReportInputs.OpenStore(resultsRoot, profileName);
            var repoRoot = RepoRoot.Find();
            LibTorchLoader.Preload(null, PipelineSession.Notice);   // first-layer filters load trained weights

            var clock = Stopwatch.StartNew();
            using var resultsLock = ResultsLock.Acquire(store.ProfileDir, PipelineSession.Notice);
            var pixels = new DatasetTestPixels(DatasetAcquirer.FromEnvironment(repoRoot, PipelineSession.Notice));
            using var fonts = ReportFonts.Load(PipelineSession.Notice);
            var context = new ReportContext(DateTimeOffset.UtcNow, Environment.CommandLine,
                File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : null);
            var outcome = new ReportBuilder(fonts, pixels).Write(store, profileName,
                Path.Combine(repoRoot, "results", "reference", profileName, RunStore.RunsTable), context);
            var counts = outcome.Counts;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "{0}: {1} pages in {2:0.0} s; {3} documented claims: {4} held, {5} did not hold, {6} inconclusive, {7} run failed, {8} contradicted by the write-up, {9} not comparable",
                outcome.PdfPath, outcome.Layout.PageCount, clock.Elapsed.TotalSeconds, counts.Claims, counts.Held, counts.DidNotHold,
                counts.Inconclusive, counts.RunFailed, counts.Contradicted, counts.NotComparable));
            return 0;
        });
        return command;
    }
}
