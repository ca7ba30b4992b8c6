using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Tests.Regression;
using NUnit.Framework;

namespace FashionBench.Tests.Runs;

/// <summary>The run identity holds everything that changes a CPU run's numbers, and older runs are migrated to it.</summary>
public class RunIdentityTests
{
    string dir = "";
    RunStore store = null!;
    static readonly int[] Labels = Enumerable.Range(0, 20).Select(i => i % 10).ToArray();
    static readonly ModelSpec Spec = ModelCatalog.Find("mnist-8k/model1")!;

    [SetUp]
    public void SetUp()
    {
        dir = Directory.CreateTempSubdirectory("fb-identity-").FullName;
        store = new RunStore(dir, "documented");
    }

    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    static RunConfig Config(RunEnvironment? environment, string device = "cpu") =>
        RunConfig.For(Spec, Profile.Get("documented"), 1, device, environment);

    [Test]
    public void ThreadsKernelsAndConvolutionsEachMakeAnotherRun()
    {
        var ids = new[]
        {
            Config(new RunEnvironment(1, "avx2", null)), Config(new RunEnvironment(2, "avx2", null)),
            Config(new RunEnvironment(1, "avx512", null)), Config(new RunEnvironment(1, "avx2", RunEnvironment.LibTorchConvolutions)),
        }.Select(c => c.RunId).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(4), "a pinned 1-thread run never reuses a native 2-thread one");
        Assert.That(System.Text.Json.JsonSerializer.Serialize(Config(null), JsonFormat.Options), Does.Not.Contain("threads").And.Not.Contain("cpu_kernels"),
            "without an environment the configuration, and so its hash, is what it was before");
        Assert.That(RunEnvironment.For("cuda", 2), Is.Null);
        Assert.That(RunEnvironment.For("cpu", 3)!.Threads, Is.EqualTo(3));
    }

    [TestCase(null, "avx512", "avx512")]
    [TestCase("native", "avx2", "avx2")]
    [TestCase("ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2", "avx512", "avx2")]
    public void TheKernelsAreTheOnesThatRun(string? recorded, string native, string expected) =>
        Assert.That(RunEnvironment.EffectiveKernels(recorded, native), Is.EqualTo(expected));

    RunMetrics OldRun(string cpu, string device = "cpu")
    {
        var run = SyntheticRuns.Write(store, Config(null, device), Labels, Labels);
        var metrics = run with { Provenance = run.Provenance with { Cpu = cpu } };
        AtomicFile.WriteAllText(store.FileOf(run.RunId, "metrics.json"), System.Text.Json.JsonSerializer.Serialize(metrics, JsonFormat.Options));
        store.MarkComplete(run.RunId);
        return metrics;
    }

    [Test]
    public void AnOlderRunGetsItsEnvironmentFromWhatItRecordedAndANewIdWithoutTraining()
    {
        var old = OldRun("AMD EPYC (family 25 model 17, AVX-512 on 256-bit pipes, Zen 4)");
        store.OmitWeights(old.RunId);
        var cuda = OldRun("AMD EPYC", device: "cuda");

        var moved = RunIdentityMigration.Migrate(store, null).Single();

        var expected = Config(new RunEnvironment(2, "avx512", null));
        Assert.That((moved.From, moved.To), Is.EqualTo((old.RunId, expected.RunId)));
        Assert.That(Directory.Exists(store.RunDir(old.RunId)), Is.False);
        Assert.That(store.Status(moved.To), Is.EqualTo(RunStatus.Complete));
        Assert.That(store.WeightsOmitted(moved.To), Is.True, "omitted weights stay omitted");
        Assert.That(store.ReadConfig(moved.To), Is.EqualTo(expected).Using<RunConfig>((a, b) => a.Hash == b.Hash));
        var metrics = store.ReadMetrics(moved.To);
        Assert.That((metrics.RunId, metrics.ConfigHash, metrics.Environment), Is.EqualTo((expected.RunId, expected.Hash, expected.Environment)));
        Assert.That(metrics.TestAccuracy, Is.EqualTo(old.TestAccuracy));
        Assert.That(CsvFile.Read<CurveRow>(store.FileOf(moved.To, "curves.csv")).Select(r => r.RunId).Distinct(), Is.EqualTo(new[] { moved.To }));
        Assert.That(store.Status(cuda.RunId), Is.EqualTo(RunStatus.Complete), "CUDA runs have no CPU environment and stay");
        Assert.That(RunSelection.Of(store).Stale, Is.Empty, "the migrated run is the catalogue's current configuration");
        Assert.That(RunIdentityMigration.Migrate(store, null), Is.Empty, "a second pass has nothing to do");
    }

    [Test]
    public void ARunThatRecordedNeitherPinNorInstructionSetNeedsTheKernelsStated()
    {
        var old = OldRun("AMD EPYC");
        Assert.That(() => RunIdentityMigration.Migrate(store, null),
            Throws.TypeOf<UserError>().With.Message.Contains("records neither a kernel pin nor its CPU's instruction set"));
        Assert.That(store.Status(old.RunId), Is.EqualTo(RunStatus.Complete), "nothing changed");
        Assert.That(RunIdentityMigration.Migrate(store, "avx2").Single().Environment.CpuKernels, Is.EqualTo("avx2"));
    }

    [Test]
    public void AWorkerTrainsExactlyTheConfigurationItsParentWroteAndRefusesAnotherOne()
    {
        var config = Config(new RunEnvironment(1, "avx2", null)) with { Epochs = 3 };          // e.g. --epochs 3
        store.WriteConfig(config);
        var (spec, planned) = TrainingPipeline.PlannedRun(store, config.RunId);
        Assert.That((spec.Id, planned.RunId, planned.Epochs), Is.EqualTo((Spec.Id, config.RunId, 3)));

        var other = config with { Recipe = config.Recipe with { BatchSize = 7 } };               // not the catalogue's recipe
        AtomicFile.WriteAllText(store.FileOf(config.RunId, RunStore.ConfigFile), System.Text.Json.JsonSerializer.Serialize(other, JsonFormat.Options));
        Assert.That(() => TrainingPipeline.PlannedRun(store, config.RunId),
            Throws.TypeOf<UserError>().With.Message.Contains("is not the catalogue's configuration"));
    }
}
