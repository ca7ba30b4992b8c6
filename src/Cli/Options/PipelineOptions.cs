using System.CommandLine;
using FashionBench.Harness;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Options;

/// <summary>The options every pipeline verb shares (train, export, bench, report, regression), parsed once.</summary>
public sealed class PipelineOptions
{
    public Option<string> Results { get; } = new("--results") { Description = "Results root folder", DefaultValueFactory = _ => "results" };
    public Option<string> Profile { get; } = new("--profile") { Description = Harness.Runs.Profile.Names };
    public Option<string?> Models { get; } = new("--models") { Description = "Model id glob(s), comma-separated (e.g. 'fashion-cnn/*')" };
    public Option<int> Seeds { get; } = new("--seeds") { Description = "Seeds per model", DefaultValueFactory = _ => 1 };
    public Option<long> FirstSeed { get; } = new("--first-seed") { Description = "The first seed; seeds are consecutive", DefaultValueFactory = _ => 1 };
    public Option<string> Device { get; } = new("--device") { Description = "cpu | cuda | auto", DefaultValueFactory = _ => "cpu" };
    public Option<int?> Threads { get; } = new("--threads") { Description = "Intra-op threads per run (default: the cores, divided among --jobs)" };
    public Option<string> Shard { get; } = new("--shard") { Description = "Run only shard k of n (k/n)", DefaultValueFactory = _ => "1/1" };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Override the epochs of every run (a different run: epochs are part of its config)" };
    public Option<string?> LibTorch { get; } = new("--libtorch") { Description = "Load libtorch (e.g. a CUDA build or PyTorch's torch/lib) from this folder; default $FASHIONBENCH_LIBTORCH" };
    public Option<int> Jobs { get; } = new("--jobs") { Description = "Runs trained at once, each in its own process (longest first)", DefaultValueFactory = _ => 1 };

    public Option<bool> InitialWeights { get; } = new("--initial-weights")
    {
        Description = "Where a run was kept without its weights (a committed reference), use its initial weights (from its seed) instead: " +
                      "speed does not depend on the values, and parity then checks the export of the architecture; recorded as such",
    };

    /// <summary>Set by `train --jobs` and `bench` on the processes they start: the pid of the parent that holds the results lock.</summary>
    public Option<int?> WorkerOf { get; } = new("--worker-of") { Hidden = true };

    /// <summary>With --worker-of: the one run the worker trains, whose config.json the parent wrote into the run folder.</summary>
    public Option<string?> WorkerRun { get; } = new("--run") { Hidden = true };

    readonly string defaultProfile;
    readonly bool trains, workers, loadsWeights;

    /// <param name="trains">Whether the verb trains (train, regress): only those take --jobs (and --run for their workers).</param>
    /// <param name="workers">Whether the verb starts worker processes of itself (train, regress, bench): they take --worker-of.</param>
    /// <param name="loadsWeights">Whether the verb loads the runs' weights (export, bench): they take --initial-weights.</param>
    public PipelineOptions(string defaultProfile, bool trains = false, bool workers = false, bool loadsWeights = false) =>
        (this.defaultProfile, this.trains, this.workers, this.loadsWeights) = (defaultProfile, trains, workers || trains, loadsWeights);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Results, Profile, Models, Seeds, FirstSeed, Device, Threads, Shard, Epochs, LibTorch })
            command.Options.Add(option);
        if (trains)
        {
            command.Options.Add(Jobs);
            command.Options.Add(WorkerRun);
        }
        if (workers) command.Options.Add(WorkerOf);
        if (loadsWeights) command.Options.Add(InitialWeights);
    }

    public PipelineSettings Read(ParseResult parse)
    {
        var jobs = trains ? parse.GetValue(Jobs) : 1;
        if (jobs <= 0) throw new UserError($"--jobs: must be at least 1, got {jobs}");
        if (trains && parse.GetValue(WorkerRun) is not null && parse.GetValue(WorkerOf) is null)
            throw new UserError("--run: only for the worker processes `train --jobs` starts (with --worker-of)");
        var threads = parse.GetValue(Threads) ?? Math.Max(1, Environment.ProcessorCount / jobs);
        if (threads <= 0) throw new UserError($"--threads: must be at least 1, got {threads}");
        var device = parse.GetValue(Device)!;
        if (!DeviceSelector.Names.Contains(device)) throw new UserError($"--device: unknown device '{device}' (use cpu, cuda or auto)");
        var results = parse.GetValue(Results)!;
        PathRules.WritableFolder("--results", results);
        var profile = Harness.Runs.Profile.Get(parse.GetValue(Profile) ?? defaultProfile);
        if (parse.GetValue(Epochs) is { } epochs)
            profile = epochs > 0 ? profile with { Epochs = epochs } : throw new UserError($"--epochs: must be at least 1, got {epochs}");
        return new PipelineSettings(
            results,
            profile,
            parse.GetValue(Models),
            parse.GetValue(Seeds),
            parse.GetValue(FirstSeed),
            device,
            threads,
            Harness.Runs.Shard.Parse(parse.GetValue(Shard)!),
            parse.GetValue(LibTorch),
            jobs,
            workers ? parse.GetValue(WorkerOf) : null,
            trains ? parse.GetValue(WorkerRun) : null,
            loadsWeights && parse.GetValue(InitialWeights));
    }
}

/// <summary>The validated values of <see cref="PipelineOptions"/>.</summary>
public sealed record PipelineSettings(string Results, Profile Profile, string? Models, int Seeds, long FirstSeed,
    string Device, int Threads, Shard Shard, string? LibTorch, int Jobs = 1, int? WorkerOf = null, string? WorkerRun = null,
    bool InitialWeights = false);
