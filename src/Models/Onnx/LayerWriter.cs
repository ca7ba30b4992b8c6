using FashionBench.Models.Building;
using static FashionBench.Models.Onnx.Attributes;

namespace FashionBench.Models.Onnx;

/// <summary>
/// Writes a spec's layers as ONNX nodes. The walk is the one of <see cref="SpecCost"/> and <see cref="TorchBuilder"/>:
/// layer i sits at "{prefix}{i}", a residual body at "{path}.body.", its projection at "{path}.shortcut", the SE
/// layers at "{path}.fc1"/"{path}.fc2" — the state-dict keys the weights are read from.
/// </summary>
sealed class LayerWriter(GraphWriter graph, Weights weights, BatchNormExport batchNorm)
{
    /// <summary>Writes <paramref name="layers"/> on value <paramref name="x"/> of shape <paramref name="shape"/>; returns the last value.</summary>
    public string Sequence(IReadOnlyList<Layer> layers, Shape shape, string prefix, string x)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            var path = $"{prefix}{i}";
            var layer = layers[i];
            var output = ShapeInference.Next(shape, layer);
            if (layer is Conv conv && batchNorm == BatchNormExport.Fold && i + 1 < layers.Count && layers[i + 1] is BatchNorm)
            {
                x = ConvWithBatchNorm(path, $"{prefix}{i + 1}", conv, x);
                i++;   // the BatchNorm is consumed; it keeps the shape, so `output` stands
            }
            else x = Write(path, layer, shape, output, x);
            shape = output;
        }
        return x;
    }

    string Write(string path, Layer layer, Shape input, Shape output, string x) => layer switch
    {
        Conv c => Conv(path, c, x),
        BatchNorm => graph.Node("BatchNormalization", path,
            [x, .. new[] { "weight", "bias", "running_mean", "running_var" }.Select(p => graph.Weight($"{path}.{p}"))],
            Float("epsilon", BatchNormFolding.Epsilon)),
        Act { Kind: ActivationKind.Relu } => graph.Node("Relu", path, [x]),
        Act { Kind: ActivationKind.LeakyRelu } a => graph.Node("LeakyRelu", path, [x], Float("alpha", a.Slope)),
        Act { Kind: ActivationKind.Sigmoid } => graph.Node("Sigmoid", path, [x]),
        Pool { Kind: PoolKind.Max } p => graph.Node("MaxPool", path, [x],
            Ints("kernel_shape", p.Kernel, p.Kernel), Ints("strides", p.Stride, p.Stride)),
        Pool { Kind: PoolKind.Avg } p => graph.Node("AveragePool", path, [x],
            Ints("kernel_shape", p.Kernel, p.Kernel), Ints("strides", p.Stride, p.Stride), Int("count_include_pad", 0)),
        GlobalAvgPool => graph.Node("GlobalAveragePool", path, [x]),
        SqueezeExcite => SqueezeAndExcite(path, x),
        Residual r => Residual(path, r, input, output, x),
        Flatten => graph.Node("Flatten", path, [x], Int("axis", 1)),
        Dense d => Gemm(path, x, d.Bias),
        Dropout => x,   // identity at inference
        _ => throw new ArgumentException($"no ONNX writer for {layer}"),
    };

    // A convolution with the module's own weights: "{path}.weight", "{path}.bias".
    string Conv(string path, Conv c, string x) =>
        Conv(path, c, x, graph.Weight($"{path}.weight"), c.Bias ? graph.Weight($"{path}.bias") : null);

    string Conv(string name, Conv c, string x, string weight, string? bias) =>
        graph.Node("Conv", name, bias is null ? [x, weight] : [x, weight, bias],
            Ints("kernel_shape", c.Kernel, c.Kernel), Ints("strides", c.Stride, c.Stride),
            Ints("pads", c.Padding, c.Padding, c.Padding, c.Padding),   // [top, left, bottom, right]
            Ints("dilations", c.Dilation, c.Dilation), Int("group", 1));

    // Conv at `path` with the BatchNorm at `bnPath` folded in: one Conv node "layers.0+1" with initializers "layers.0+1.weight/bias".
    string ConvWithBatchNorm(string path, string bnPath, Conv c, string x)
    {
        var (weight, dims) = weights.Read($"{path}.weight");
        var bias = c.Bias ? weights.Read($"{path}.bias").Values : null;
        var (foldedWeight, foldedBias) = BatchNormFolding.Fold(weight, bias,
            weights.Read($"{bnPath}.weight").Values, weights.Read($"{bnPath}.bias").Values,
            weights.Read($"{bnPath}.running_mean").Values, weights.Read($"{bnPath}.running_var").Values);
        var name = $"{path}+{bnPath[(bnPath.LastIndexOf('.') + 1)..]}";
        return Conv(name, c, x,
            graph.Initializer($"{name}.weight", foldedWeight, dims),
            graph.Initializer($"{name}.bias", foldedBias, [foldedBias.Length]));
    }

    // Dense / SE FC on [N, in]: Gemm(x, W[out, in]ᵀ, b) → [N, out].
    string Gemm(string path, string x, bool bias) =>
        graph.Node("Gemm", path,
            bias ? [x, graph.Weight($"{path}.weight"), graph.Weight($"{path}.bias")] : [x, graph.Weight($"{path}.weight")],
            Int("transB", 1));

    // x · σ(fc2(ReLU(fc1(GAP(x))))), as SqueezeExciteModule computes it.
    string SqueezeAndExcite(string path, string x)
    {
        var squeezed = graph.Node("GlobalAveragePool", $"{path}.squeeze", [x]);          // [N, C, 1, 1]
        var flat = graph.Node("Flatten", $"{path}.flatten", [squeezed], Int("axis", 1));  // [N, C]
        var hidden = graph.Node("Relu", $"{path}.relu", [Gemm($"{path}.fc1", flat, bias: true)]);      // [N, C/r]
        var gate = graph.Node("Sigmoid", $"{path}.sigmoid", [Gemm($"{path}.fc2", hidden, bias: true)]); // [N, C]
        var scale = graph.Node("Unsqueeze", $"{path}.unsqueeze", [gate, graph.Initializer($"{path}.axes", [2L, 3L])]); // [N, C, 1, 1]
        return graph.Node("Mul", path, [x, scale]);                                         // [N, C, H, W]
    }

    string Residual(string path, Residual r, Shape input, Shape output, string x)
    {
        var body = Sequence(r.Body, input, $"{path}.body.", x);
        var shortcut = SpecCost.NeedsProjection(input, output)
            ? Conv($"{path}.shortcut", SpecCost.Projection(input, output), x)
            : x;
        return graph.Node("Add", path, [body, shortcut]);
    }
}
