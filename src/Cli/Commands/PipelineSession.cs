using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Data;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;
using static TorchSharp.torch;

namespace FashionBench.Cli.Commands;

/// <summary>
/// What every pipeline verb sets up the same way: the results lock, the run store, the torch device and thread count,
/// and the dataset provider. Disposing releases the lock and the datasets.
/// </summary>
public sealed class PipelineSession : IDisposable
{
    readonly ResultsLock? resultsLock;                                      // null in a worker: its parent holds it
    readonly CachedDatasetProvider datasets;

    public PipelineSettings Settings { get; }
    public RunStore Store { get; }
    public Device Device { get; }
    public string RepoRoot { get; }

    PipelineSession(PipelineSettings settings, ResultsLock? resultsLock, Device device, string repoRoot)
    {
        Settings = settings;
        this.resultsLock = resultsLock;
        Device = device;
        RepoRoot = repoRoot;
        Store = new RunStore(settings.Results, settings.Profile.Name);
        datasets = new CachedDatasetProvider(DatasetAcquirer.FromEnvironment(repoRoot, Notice));
    }

    public static PipelineSession Open(PipelineSettings settings)
    {
        LibTorchLoader.Preload(settings.LibTorch, Notice);
        var device = DeviceSelector.Resolve(settings.Device, Notice);
        set_num_threads(settings.Threads);
        KernelCheck.Ensure(Notice);                                         // before anything trains, exports or is timed
        var repoRoot = Harness.RepoRoot.Find();
        var store = new RunStore(settings.Results, settings.Profile.Name);
        ResultsLock? held = null;
        if (settings.WorkerOf is { } parent) ResultsLock.RequireHeldBy(store.ProfileDir, parent);
        else held = ResultsLock.Acquire(store.ProfileDir, Notice);
        return new PipelineSession(settings, held, device, repoRoot);
    }

    public IDatasetProvider Datasets => datasets;

    /// <summary>The runs the settings ask for (profile, models, seeds, shard) on this session's device.</summary>
    public IReadOnlyList<(FashionBench.Models.ModelSpec Spec, RunConfig Config)> Plan() =>
        RunMatrix.Plan(Settings.Profile, Settings.Models, Settings.Seeds, Settings.FirstSeed, DeviceSelector.NameOf(Device), Settings.Shard,
            RunEnvironment.For(DeviceSelector.NameOf(Device), Settings.Threads));

    /// <summary>The distinct models of <see cref="Plan"/>, in catalogue order.</summary>
    public IReadOnlyList<FashionBench.Models.ModelSpec> PlannedSpecs() => Plan().Select(p => p.Spec).Distinct().ToList();

    public RunExecutor Executor(IProgress<TrainingProgress>? progress, CancellationToken cancel) =>
        new(Store, datasets, new ExecutionOptions(Device, Settings.Threads, RepoRoot, Notice, progress, cancel));

    public static void Notice(string message) => Console.Error.WriteLine($"notice: {message}");

    public void Dispose()
    {
        datasets.Dispose();
        resultsLock?.Dispose();
    }
}
