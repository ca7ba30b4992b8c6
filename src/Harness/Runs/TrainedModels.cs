using System.Text;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>The trained weights of a profile's runs: one run per model (its representative), loaded on demand.</summary>
public sealed class TrainedModels(RunStore store)
{
    readonly Lazy<RunSelection> selection = new(() => RunSelection.Of(store));

    /// <summary>The representative run (<see cref="RunSelection"/>) of <paramref name="spec"/> on <paramref name="device"/>, or a one-line error.</summary>
    public RunMetrics RunOf(ModelSpec spec, string device) =>
        selection.Value.RepresentativeOf(spec.Id, device)
        ?? throw new UserError($"{spec.Id}: no trained weights in {store.ProfileDir} for device {device} " +
                               "(run `fashionbench train` with the same profile first)");

    /// <summary>Builds the spec's module and loads the run's weights.bin onto <paramref name="device"/>.</summary>
    public SpecModule Load(ModelSpec spec, RunMetrics run, Device device)
    {
        if (store.WeightsOmitted(run.RunId))
            throw new UserError($"{spec.Id}: run {run.RunId} was kept without its weights (weights.bin omitted, as in a committed " +
                                "reference); train it again to export, benchmark or show its filters");
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
        module.to(device);
        module.eval();
        return module;
    }
}
