using static TorchSharp.torch;

namespace FashionBench.Models.Building;

/// <summary>
/// The module an inference path runs with every BatchNorm that directly follows a convolution folded into it, as the
/// ONNX export folds (<see cref="BatchNormFolding"/>): one libtorch call per pair instead of two. It is built from the
/// spec with those pairs replaced by a biased convolution, and its weights are read from the trained module's state
/// dict by the path each layer had in the spec, the way the ONNX writer reads them; a BatchNorm after an activation
/// (the SE models' and mnist-8k/model3's blocks) cannot fold and stays.
/// </summary>
public static class InferenceFolding
{
    /// <summary>How many BatchNorms of <paramref name="spec"/> fold into the convolution before them.</summary>
    public static int FoldableBatchNorms(ModelSpec spec)
    {
        var map = new Dictionary<string, (string Path, string? BatchNorm)>();
        Fold(spec.Layers, "layers.", "layers.", map);
        return map.Values.Count(v => v.BatchNorm is not null);
    }

    /// <summary>
    /// A new module, in eval mode on the CPU, that computes what <paramref name="trained"/> computes in eval mode, up to
    /// float32 rounding; <paramref name="trained"/> is left as it was, and so is torch's global RNG.
    /// </summary>
    public static SpecModule Fold(ModelSpec spec, SpecModule trained)
    {
        var map = new Dictionary<string, (string Path, string? BatchNorm)>();   // folded layer path → the spec's path(s)
        var layers = Fold(spec.Layers, "layers.", "layers.", map);
        var rng = random.get_rng_state();
        var folded = new SpecModule(TorchBuilder.Sequence(layers, Shape.Image28));   // its fresh weights are all replaced
        random.set_rng_state(rng);
        var source = trained.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().cpu());
        float[] Read(string key) => source[key].data<float>().ToArray();
        var foldedPairs = new Dictionary<string, (float[] Weight, float[] Bias)>();   // each pair folded once, for its weight and its bias
        using (no_grad())
        using (NewDisposeScope())   // the folded values' temporaries; the module's own tensors were made outside it
        {
            foreach (var (key, target) in folded.state_dict())
            {
                // The longest mapped layer path the key starts with: a layer's own parameters, or a part's (".fc1", ".shortcut").
                var path = map.Keys.Where(p => key.StartsWith(p + ".", StringComparison.Ordinal)).MaxBy(p => p.Length)
                    ?? throw new InvalidOperationException($"no spec path for {key}");
                var (original, batchNorm) = map[path];
                var name = key[(path.Length + 1)..];
                if (batchNorm is null)
                {
                    target.copy_(source[$"{original}.{name}"]);
                    continue;
                }
                if (!foldedPairs.TryGetValue(path, out var pair))
                    foldedPairs[path] = pair = BatchNormFolding.Fold(Read($"{original}.weight"),
                        source.ContainsKey($"{original}.bias") ? Read($"{original}.bias") : null,
                        Read($"{batchNorm}.weight"), Read($"{batchNorm}.bias"), Read($"{batchNorm}.running_mean"), Read($"{batchNorm}.running_var"));
                var (weight, bias) = pair;
                target.copy_(tensor(name == "weight" ? weight : bias).reshape(target.shape));
            }
        }
        foreach (var t in source.Values) t.Dispose();
        folded.eval();
        return folded;
    }

    /// <summary>The layers with each Conv → BatchNorm pair made one biased Conv; every folded path is mapped to the spec's.</summary>
    static List<Layer> Fold(IReadOnlyList<Layer> layers, string foldedPrefix, string originalPrefix, Dictionary<string, (string, string?)> map)
    {
        var result = new List<Layer>();
        for (var i = 0; i < layers.Count; i++)
        {
            var (path, original) = ($"{foldedPrefix}{result.Count}", $"{originalPrefix}{i}");
            switch (layers[i])
            {
                case Conv conv when i + 1 < layers.Count && layers[i + 1] is BatchNorm:
                    map[path] = (original, $"{originalPrefix}{i + 1}");
                    result.Add(conv with { Bias = true });
                    i++;   // the BatchNorm is folded
                    break;
                case Residual residual:
                    map[path] = (original, null);   // its shortcut projection, "{path}.shortcut"
                    result.Add(new Residual(Fold(residual.Body, $"{path}.body.", $"{original}.body.", map)));
                    break;
                default:
                    map[path] = (original, null);
                    result.Add(layers[i]);
                    break;
            }
        }
        return result;
    }
}
