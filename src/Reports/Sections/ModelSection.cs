using FashionBench.Reports.Charts;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// One model: where it comes from, its hyper-parameters (in full for a write-up's first model, else what differs),
/// its claims and its training curves over seeds. Its errors are compared with the write-up's other models in
/// <see cref="ErrorsSection"/>.
/// </summary>
internal static class ModelSection
{

    public static string Heading(RunRecords run) => $"{run.Model}: {run.Spec!.Title}";

    /// <param name="first">The write-up's first model, whose hyper-parameters are listed in full; null for that model itself.</param>
    public static void Add(ReportDocument doc, ReportMaterial material, RunRecords run, Models.ModelSpec? first)
    {
        var spec = run.Spec!;
        var m = run.Metrics;
        doc.Add(new HeadingBlock(Heading(run), 2));
        var limits = run.Config.TrainLimit is { } train ? Fmt.Invariant($", the first {train:N0} training and {run.TestImages:N0} test images") : "";
        doc.Add(new ParagraphBlock([
            new TextRun(Fmt.Invariant($"{spec.Source}. Claims and curves are over all seeds; the error pages show run {m.RunId} (seed {m.Seed} on {m.Device}, {m.EpochsRun} of {run.Config.Epochs} planned epochs{limits}{(m.StoppedEarly ? ", stopped early" : "")}; {Weights(spec, m)}).")),
            .. spec.Documented.Quote.Length > 0 ? new[] { new TextRun("\nThe write-up: ", Bold: true), new TextRun($"“{spec.Documented.Quote}”") } : [],
        ]));
        if (RecipeTable.Of(spec, m.EpochsRun, first) is { } recipe) doc.Add(recipe);
        else doc.Add(new ParagraphBlock($"Trained with the same hyper-parameters as {first!.Id}."));
        doc.Add(ClaimTable.Of(material.Tables.VerdictsOf(run), model: null,
            $"{run.Model}'s documented claims against its runs on {run.Metrics.Device}: the mean ± half its 95 % interval over (n) seeds, and the verdict by the Method section's rule."));
        Curves(doc, material, run);
    }

    /// <summary>Which weights a run's test metrics are of: the restored lowest-validation-loss epoch, or the last.</summary>
    private static string Weights(Models.ModelSpec spec, Harness.Runs.RunMetrics m) =>
        spec.Recipe.EarlyStopping?.RestoreBest == true
            ? Fmt.Invariant($"tested with epoch {m.BestEpoch}'s weights, the lowest validation loss, restored")
            : Fmt.Invariant($"tested with the last epoch's weights (epoch {m.EpochsRun})");

    private static void Curves(ReportDocument doc, ReportMaterial material, RunRecords run)
    {
        var curves = run.Curves;
        if (curves.Count < 2)
        {
            doc.Add(new ParagraphBlock(Fmt.Invariant(
                $"Training curves need two epochs or more; this run trained {curves.Count}: train loss {curves.Select(c => c.TrainLoss).FirstOrDefault():0.000}, validation loss {curves.Select(c => c.ValidationLoss).FirstOrDefault():0.000}, validation accuracy {Fmt.Percent(curves.Select(c => c.ValidationAccuracy).FirstOrDefault())} % (curves.csv).")));
            return;
        }
        var seeds = material.Inputs.Runs.Where(r => r.Model == run.Model && r.Metrics.Device == run.Metrics.Device && r.Metrics.Status == "ok").ToList();
        var restores = run.Spec!.Recipe.EarlyStopping?.RestoreBest == true;
        var c = SeedCurves.Of(seeds.Count > 0 ? seeds : [run], restores);
        var chart = new TrainingCurves(c.Epochs, c.TrainLoss, c.ValidationLoss, c.TrainAccuracy, c.ValidationAccuracy, c.LearningRate, c.RestoredEpochs);
        var validation = run.Metrics.ValidatesOnTest ? "validation (the test set, as in the write-up)" : "validation (held out of the training set)";
        var over = c.Seeds > 1 ? Fmt.Invariant($"the mean over {c.Seeds} seeds with its 95 % band") : "one seed";
        // The legend row names the lines; the caption says what they are of.
        var rate = c.LearningRate.Distinct().Count() == 1 ? Fmt.Invariant($"; learning rate {c.LearningRate[0]:0.#####} throughout") : "";
        var restored = restores ? Fmt.Invariant($"; weights restored from the lowest validation loss, epoch {string.Join(", ", seeds.Count > 0 ? seeds.OrderBy(r => r.Metrics.Seed).Select(r => r.Metrics.BestEpoch) : [run.Metrics.BestEpoch])} by seed") : "";
        doc.Add(new FigureBlock(TrainingCurves.Height, chart.Draw,
            $"Training curves of {run.Model}, {over}; {validation}{rate}{restored}."));
    }
}
