namespace FashionBench.Models.Building;

/// <summary>Output shape of each layer for a given input shape; throws on a spec that cannot apply.</summary>
public static class ShapeInference
{
    public static Shape Next(Shape input, Layer layer) => layer switch
    {
        Conv c => RequireImage(input, layer) with
        {
            C = c.Out,
            H = Spatial(input.H, c.Kernel, c.Stride, c.Padding, c.Dilation, layer),
            W = Spatial(input.W, c.Kernel, c.Stride, c.Padding, c.Dilation, layer),
        },
        Pool p => RequireImage(input, layer) with
        {
            H = Spatial(input.H, p.Kernel, p.Stride, 0, 1, layer),
            W = Spatial(input.W, p.Kernel, p.Stride, 0, 1, layer),
        },
        GlobalAvgPool => RequireImage(input, layer) with { H = 1, W = 1 },
        BatchNorm or SqueezeExcite => RequireImage(input, layer),
        Residual r => Output(input, r.Body),
        Flatten => new Shape(checked((int)input.Elements), 1, 1, Flat: true),
        Dense d => input.Flat ? new Shape(d.Out, 1, 1, Flat: true)
            : throw new ArgumentException($"Dense needs flat input, got {input}: add Flatten"),
        Act or Dropout => input,
        _ => throw new ArgumentException($"unknown layer {layer}"),
    };

    public static Shape Output(Shape input, IEnumerable<Layer> layers) => layers.Aggregate(input, Next);

    static Shape RequireImage(Shape s, Layer layer) =>
        s.Flat ? throw new ArgumentException($"{layer} needs [C,H,W] input, got flat {s}") : s;

    static int Spatial(int size, int kernel, int stride, int padding, int dilation, Layer layer)
    {
        var output = (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
        return output >= 1 ? output : throw new ArgumentException($"{layer} on size {size} leaves nothing");
    }
}
