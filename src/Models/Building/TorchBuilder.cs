using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Models.Building;

/// <summary>
/// Turns a spec into a TorchSharp module. Parameter names follow the spec's layer paths —
/// "layers.{i}.weight", "layers.{i}.body.{j}.bias", "layers.{i}.shortcut.weight", "layers.{i}.fc1.weight" — and the
/// ONNX writer reads weights by the same paths, so the two cannot drift apart.
/// </summary>
public static class TorchBuilder
{
    /// <summary>Builds the module with freshly initialised weights (PyTorch default init, from torch's global RNG).</summary>
    public static SpecModule Build(ModelSpec spec) => new(Sequence(spec.Layers, Shape.Image28));

    /// <summary>The model with a run's initial weights: built from torch's global generator seeded with <paramref name="seed"/>.</summary>
    public static SpecModule Build(ModelSpec spec, long seed)
    {
        manual_seed(seed);
        return Build(spec);
    }

    internal static ModuleList<nn.Module<Tensor, Tensor>> Sequence(IReadOnlyList<Layer> layers, Shape input)
    {
        var modules = new ModuleList<nn.Module<Tensor, Tensor>>();
        foreach (var layer in layers)
        {
            modules.Add(Build(layer, input));
            input = ShapeInference.Next(input, layer);
        }
        return modules;
    }

    static nn.Module<Tensor, Tensor> Build(Layer layer, Shape input) => layer switch
    {
        Conv c => nn.Conv2d(input.C, c.Out, c.Kernel, stride: c.Stride, padding: c.Padding, dilation: c.Dilation, bias: c.Bias),
        BatchNorm => nn.BatchNorm2d(input.C),
        Act { Kind: ActivationKind.Relu } => nn.ReLU(),
        Act { Kind: ActivationKind.LeakyRelu } a => nn.LeakyReLU(a.Slope),
        Act { Kind: ActivationKind.Sigmoid } => nn.Sigmoid(),
        Pool { Kind: PoolKind.Max } p => nn.MaxPool2d(p.Kernel, p.Stride),
        Pool { Kind: PoolKind.Avg } p => nn.AvgPool2d(p.Kernel, p.Stride),
        GlobalAvgPool => nn.AdaptiveAvgPool2d(1),
        SqueezeExcite se => new SqueezeExciteModule(input.C, SpecCost.SqueezeExciteHidden(input.C, se)),
        Residual r => new ResidualModule(r, input),
        Flatten => new FlattenModule(),
        Dense d => nn.Linear(input.C, d.Out, hasBias: d.Bias),
        Dropout d => nn.Dropout(d.P),
        _ => throw new ArgumentException($"no TorchSharp builder for {layer}"),
    };
}

/// <summary>A spec's layers run in order: [N,1,28,28] → [N,10] logits.</summary>
public sealed class SpecModule : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> layers;

    internal SpecModule(ModuleList<nn.Module<Tensor, Tensor>> layers) : base("SpecModule")
    {
        this.layers = layers;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => Sequential.Run(layers, input);

    /// <summary>The output of every top-level layer, for activation maps in the report.</summary>
    public IReadOnlyList<Tensor> Activations(Tensor input)
    {
        var outputs = new List<Tensor>();
        foreach (var layer in layers) outputs.Add(input = layer.forward(input));
        return outputs;
    }
}

static class Sequential
{
    // Intermediate tensors are disposed by the caller's DisposeScope.
    public static Tensor Run(ModuleList<nn.Module<Tensor, Tensor>> layers, Tensor x)
    {
        foreach (var layer in layers) x = layer.forward(x);
        return x;
    }
}

/// <summary>x · σ(W₂ ReLU(W₁ GAP(x))): [N,C,H,W] → [N,C,H,W].</summary>
public sealed class SqueezeExciteModule : nn.Module<Tensor, Tensor>
{
    readonly Linear fc1, fc2;

    internal SqueezeExciteModule(int channels, int hidden) : base("SqueezeExcite")
    {
        fc1 = nn.Linear(channels, hidden);
        fc2 = nn.Linear(hidden, channels);
        RegisterComponents();
    }

    // Computed on the [N,H,W,C] view: for a channels-last x it is contiguous, and the backward's reductions over
    // H and W then run along memory instead of across it (2× faster SE backward at 32 × 28 × 28); for an NCHW x it
    // is the same arithmetic on a permuted view.
    public override Tensor forward(Tensor x)
    {
        var nhwc = x.permute(0, 2, 3, 1);
        var squeezed = nhwc.mean([1, 2]);                                                // [N, C]
        var weights = fc2.forward(nn.functional.relu(fc1.forward(squeezed))).sigmoid(); // [N, C]
        return (nhwc * weights.unsqueeze(1).unsqueeze(1)).permute(0, 3, 1, 2);          // [N, C, H, W]
    }
}

/// <summary>body(x) + shortcut(x), the shortcut a 1×1 projection when the body changes the shape.</summary>
public sealed class ResidualModule : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<nn.Module<Tensor, Tensor>> body;
    readonly Conv2d? shortcut;

    internal ResidualModule(Residual spec, Shape input) : base("Residual")
    {
        body = TorchBuilder.Sequence(spec.Body, input);
        var output = ShapeInference.Output(input, spec.Body);
        if (SpecCost.NeedsProjection(input, output))
        {
            var p = SpecCost.Projection(input, output);
            shortcut = nn.Conv2d(input.C, p.Out, 1, stride: p.Stride);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        Sequential.Run(body, x) + (shortcut is null ? x : shortcut.forward(x));
}

/// <summary>
/// [N,C,H,W] → [N,C·H·W] in NCHW order whatever the input's memory layout, with the gradient handed back in the
/// input's layout. libtorch's flatten of a channels-last input returns a contiguous (NCHW) gradient, and the
/// activation and BatchNorm backward kernels before it run 5–10× slower on mixed layouts. Viewing the input as
/// [N,C,H·W] through as_strided makes autograd copy the gradient back into the input's strides.
/// </summary>
public sealed class FlattenModule : nn.Module<Tensor, Tensor>
{
    internal FlattenModule() : base("Flatten") { }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 4 || x.is_contiguous()) return x.flatten(1);
        var (n, c, hw) = (x.shape[0], x.shape[1], x.shape[2] * x.shape[3]);
        return x.as_strided([n, c, hw], [x.stride(0), x.stride(1), x.stride(3)]).reshape(n, c * hw);
    }
}
