using FashionBench.Harness.Data;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Reports.Inputs;

/// <summary>
/// A trained model's first convolution: its filters ([out][k][k], input channel 0) and, for one sample image, the
/// feature maps after that convolution's activation ([c][h][w]), at most <see cref="MaxMaps"/> of each.
/// </summary>
/// <param name="ActivationLayer">Index (in the spec's layers) of the layer whose output the maps are.</param>
public sealed record FirstLayerMaps(float[][][] Filters, float[][][]? Activations, int ConvLayer, int ActivationLayer)
{
    public const int MaxMaps = 32;

    /// <summary>Loads the run's weights on the CPU; null when the model has no convolution.</summary>
    /// <param name="sample">28×28 bytes of the sample image, or null for filters only.</param>
    public static FirstLayerMaps? Read(RunStore store, RunRecords run, ModelSpec spec, byte[]? sample)
    {
        var conv = spec.Layers.ToList().FindIndex(l => l is Conv);
        if (conv < 0) return null;
        var activation = ActivationAfter(spec.Layers, conv);

        using var module = new TrainedModels(store).Load(spec, run.Metrics, CPU);
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        var weight = module.named_parameters().First(p => p.name == $"layers.{conv}.weight").parameter; // [out, in, k, k]
        var filters = Maps(weight.select(1, 0));                                                        // [out, k, k]
        float[][][]? activations = null;
        if (sample is not null)
        {
            var dataset = DatasetCatalog.Get(spec.Dataset);
            var (mean, std) = spec.Recipe.Normalization.Resolve(dataset.Mean, dataset.Std);
            var x = tensor(sample, [1, 1, 28, 28]).to(ScalarType.Float32).div(255f).sub(mean).div(std); // [1, 1, 28, 28]
            activations = Maps(module.Activations(x)[activation].select(0, 0));                           // [c, h, w]
        }
        return new FirstLayerMaps(filters, activations, conv, activation);
    }

    /// <summary>The activation that follows the convolution (Conv → [BN] → Act), else the convolution itself.</summary>
    private static int ActivationAfter(IReadOnlyList<Layer> layers, int conv)
    {
        for (var i = conv + 1; i < layers.Count && layers[i] is BatchNorm or Act; i++)
            if (layers[i] is Act) return i;
        return conv;
    }

    /// <summary>[c, h, w] → float[c][h][w], the first <see cref="MaxMaps"/> channels.</summary>
    private static float[][][] Maps(Tensor maps)
    {
        var (c, h, w) = ((int)Math.Min(maps.shape[0], MaxMaps), (int)maps.shape[1], (int)maps.shape[2]);
        var values = maps.narrow(0, 0, c).contiguous().cpu().data<float>().ToArray();
        return Enumerable.Range(0, c).Select(k => Enumerable.Range(0, h)
            .Select(y => values.AsSpan((k * h + y) * w, w).ToArray()).ToArray()).ToArray();
    }
}
