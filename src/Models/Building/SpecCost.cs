namespace FashionBench.Models.Building;

/// <summary>
/// Parameters and FLOPs computed from the spec alone (tests check them against the built TorchSharp module).
/// Convolutions and dense layers count 2 FLOPs per multiply-add plus one per bias; BatchNorm (inference form),
/// activations, pooling and the SE scale count one FLOP per output element per operation.
/// </summary>
public static class SpecCost
{
    public static ModelCost Of(ModelSpec spec) => Of(spec.Layers, Shape.Image28);

    public static ModelCost Of(IReadOnlyList<Layer> layers, Shape input)
    {
        var costs = new List<LayerCost>();
        Walk(layers, input, "", costs);
        return new ModelCost(costs);
    }

    static Shape Walk(IReadOnlyList<Layer> layers, Shape shape, string prefix, List<LayerCost> costs)
    {
        for (var i = 0; i < layers.Count; i++)
        {
            var path = $"{prefix}{i}";
            var layer = layers[i];
            var output = ShapeInference.Next(shape, layer);
            if (layer is Residual r)
            {
                Walk(r.Body, shape, $"{path}.body.", costs);
                if (NeedsProjection(shape, output))
                {
                    var projection = Projection(shape, output);
                    costs.Add(Cost($"{path}.shortcut", projection, shape, output));
                }
                costs.Add(new LayerCost($"{path}.add", "Add", output, output, 0, output.Elements));
            }
            else costs.Add(Cost(path, layer, shape, output));
            shape = output;
        }
        return shape;
    }

    /// <summary>A residual block needs a 1×1 projection when the body changes channels or size.</summary>
    public static bool NeedsProjection(Shape input, Shape output) => input != output;

    /// <summary>The 1×1 shortcut convolution of a residual block (stride = the body's spatial reduction).</summary>
    public static Conv Projection(Shape input, Shape output) =>
        new(output.C, 1, Stride: input.H / output.H);

    static LayerCost Cost(string path, Layer layer, Shape input, Shape output)
    {
        long outputs = output.Elements;
        var (parameters, flops) = layer switch
        {
            Conv c => ((long)input.C * c.Out * c.Kernel * c.Kernel + (c.Bias ? c.Out : 0),
                outputs * (2L * input.C * c.Kernel * c.Kernel + (c.Bias ? 1 : 0))),
            Dense d => ((long)input.C * d.Out + (d.Bias ? d.Out : 0), d.Out * (2L * input.C + (d.Bias ? 1 : 0))),
            BatchNorm => (2L * input.C /* weight, bias (running stats are buffers) */, 2 * outputs),
            SqueezeExcite se => SqueezeExciteCost(input, se),
            Pool p => (0L, outputs * p.Kernel * p.Kernel),
            GlobalAvgPool => (0L, input.Elements),
            Act => (0L, outputs),
            _ => (0L, 0L),
        };
        return new LayerCost(path, layer.ToString(), input, output, parameters, flops);
    }

    static (long, long) SqueezeExciteCost(Shape input, SqueezeExcite se)
    {
        long c = input.C, hidden = SqueezeExciteHidden(input.C, se);
        var parameters = c * hidden + hidden + hidden * c + c;
        var flops = input.Elements /* squeeze */ + 2 * parameters /* two FCs */ + 2 * c /* relu+sigmoid */ + input.Elements /* scale */;
        return (parameters, flops);
    }

    /// <summary>SE bottleneck width: C / r, at least 1.</summary>
    public static int SqueezeExciteHidden(int channels, SqueezeExcite se) => Math.Max(1, channels / se.Reduction);
}
