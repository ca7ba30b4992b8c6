using FashionBench.Harness;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using CliRun = FashionBench.Tests.Cli.CliRun;
using FashionBench.Tests.Regression;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Runs;

/// <summary>A run kept without its weights (a committed reference) is a complete result for every verb that needs none.</summary>
public class OmittedWeightsTests
{
    string dir = "";
    RunStore store = null!;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("fb-omitted-").FullName;
        store = new RunStore(dir, "ci");
    }

    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    RunMetrics Run(string model = "mnist-8k/model1") => SyntheticRuns.Write(store, model, 1, 0.9, testImages: 100, profile: "ci");

    [Test]
    public void ARunDeclaredWithoutWeightsIsCompleteButCannotBeLoaded()
    {
        var run = Run();
        store.OmitWeights(run.RunId);
        Assert.That(store.Status(run.RunId), Is.EqualTo(RunStatus.Complete));
        Assert.That(store.WeightsOmitted(run.RunId), Is.True);
        Assert.That(File.Exists(store.FileOf(run.RunId, RunStore.WeightsFile)), Is.False);
        Assert.That(() => new TrainedModels(store).Load(ModelCatalog.Find(run.Model)!, run, CPU),
            Throws.TypeOf<UserError>().With.Message.Contains("kept without its weights"));
    }

    [Test]
    public void WithInitialWeightsAsked_ARunWithoutWeightsGivesItsSeedsInitialModelAndSaysSo()
    {
        var run = Run();
        store.OmitWeights(run.RunId);
        var spec = ModelCatalog.Find(run.Model)!;
        var models = new TrainedModels(store, initialWhenOmitted: true);
        using var loaded = models.Load(spec, run, CPU);
        using var initial = FashionBench.Models.Building.TorchBuilder.Build(spec, run.Seed);
        Assert.That(loaded.parameters().Zip(initial.parameters()).All(p => p.First.allclose(p.Second, rtol: 0, atol: 0)), "the weights training began with");
        Assert.That(loaded.training, Is.False, "eval mode, as trained weights load");
        Assert.That(models.WeightsOf(run), Is.EqualTo($"initial (seed {run.Seed}; the trained weights were not kept)"));

        var trained = Run("mnist-8k/model2");
        Assert.That(models.WeightsOf(trained), Is.EqualTo(TrainedModels.Trained), "a run with its weights loads them");
    }

    [Test]
    public void AMissingWeightsFileIsCorruptUnlessDeclaredAndOtherFilesStayVouchedFor()
    {
        var run = Run();
        File.Delete(store.FileOf(run.RunId, RunStore.WeightsFile));
        Assert.That(store.Status(run.RunId), Is.EqualTo(RunStatus.Corrupt), "undeclared: the run is re-trained");
        store.OmitWeights(run.RunId);                                // a reference committed before the state existed
        Assert.That(store.Status(run.RunId), Is.EqualTo(RunStatus.Complete));
        File.AppendAllText(store.FileOf(run.RunId, "predictions.csv"), "1,2,3,0.5\n");
        Assert.That(store.Status(run.RunId), Is.EqualTo(RunStatus.Corrupt), "the other files are still checked");
        Assert.That(() => store.OmitWeights(run.RunId), Throws.TypeOf<UserError>().With.Message.Contains("predictions.csv"));
    }

    [Test]
    public void TheVerbDeclaresEveryCompleteRunAndReportAndRegressReadTheFolder()
    {
        Run("mnist-8k/model1");
        Run("mnist-8k/model2");
        var (exit, lines, _) = CliRun.Run("omit-weights", "--results", dir, "--profile", "ci");
        Assert.That(exit, Is.Zero);
        Assert.That(lines.Last(), Does.StartWith("2 run(s) in").And.EndWith("kept without weights (2 newly, 0 already)"));
        Assert.That(CliRun.Run("omit-weights", "--results", dir, "--profile", "ci").Out.Last(), Does.EndWith("(0 newly, 2 already)"));
        Assert.That(RunSelection.Of(store).Current, Has.Count.EqualTo(2));
        var regress = CliRun.Run("regress", "--results", dir, "--profile", "ci", "--no-train", "--models", "mnist-8k/*",
            "--thresholds", Path.Combine(RepoRoot.Find(), "results", "thresholds.json"));
        Assert.That(regress.ExitCode, Is.Not.EqualTo(2), string.Join("\n", regress.Err));
    }

    [Test, Category("Integration")]
    public void TheCommittedReferenceIsAFolderOfCompleteRuns()
    {
        var reference = new RunStore(Path.Combine(RepoRoot.Find(), "results", "reference"), "documented");
        var complete = reference.CompleteRuns();
        Assert.That(complete, Has.Count.GreaterThanOrEqualTo(20));
        Assert.That(complete.All(reference.WeightsOmitted), "every committed run declares its weights omitted");
        Assert.That(RunSelection.Of(reference).Stale, Is.Empty, "and each is the catalogue's current configuration");
    }
}
