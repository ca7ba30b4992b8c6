using System.Text;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>
/// The trained weights of a profile's runs: one run per model (its representative), loaded on demand. With
/// <paramref name="initialWhenOmitted"/>, a run kept without its weights (a committed reference) gives its initial
/// weights instead, built from its seed exactly as training began: enough to time the architecture and check its
/// export, and <see cref="WeightsOf"/> says so.
/// </summary>
public sealed class TrainedModels(RunStore store, bool initialWhenOmitted = false)
{
    readonly Lazy<RunSelection> selection = new(() => RunSelection.Of(store));

    /// <summary>The representative run (<see cref="RunSelection"/>) of <paramref name="spec"/> on <paramref name="device"/>, or a one-line error.</summary>
    public RunMetrics RunOf(ModelSpec spec, string device) =>
        selection.Value.RepresentativeOf(spec.Id, device)
        ?? throw new UserError($"{spec.Id}: no trained weights in {store.ProfileDir} for device {device} " +
                               "(run `fashionbench train` with the same profile first)");

    /// <summary>What <see cref="Load"/> gives for the run: "trained", or its initial weights and why.</summary>
    public string WeightsOf(RunMetrics run) =>
        store.WeightsOmitted(run.RunId) ? $"initial (seed {run.Seed}; the trained weights were not kept)" : Trained;

    public const string Trained = "trained";

    /// <summary>Builds the spec's module and loads the run's weights.bin (or, see above, its initial weights) onto <paramref name="device"/>, in eval mode.</summary>
    public SpecModule Load(ModelSpec spec, RunMetrics run, Device device)
    {
        if (store.WeightsOmitted(run.RunId))
        {
            if (!initialWhenOmitted)
                throw new UserError($"{spec.Id}: run {run.RunId} was kept without its weights (weights.bin omitted, as in a committed " +
                                    "reference); train it again to export, benchmark or show its filters, or time its initial weights (--initial-weights)");
            return Ready(TorchBuilder.Build(spec, run.Seed), device);
        }
        var module = TorchBuilder.Build(spec);
        var path = store.FileOf(run.RunId, RunStore.WeightsFile);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            module.load(reader);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException)
        {
            module.Dispose();
            throw new UserError($"{path}: cannot load weights ({e.Message.Split('\n')[0]})");
        }
        return Ready(module, device);
    }

    static SpecModule Ready(SpecModule module, Device device)
    {
        module.to(device);
        module.eval();
        return module;
    }
}
