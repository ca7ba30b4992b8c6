using FashionBench.Harness.Data;
using FashionBench.Harness.Optimisers;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Machine;

/// <summary>
/// One computation of the kernel self-check: given a dtype, it builds fixed inputs (the same values in float32 and
/// float64) and returns its named outputs, e.g. a convolution's forward output and its three gradients.
/// </summary>
public sealed record KernelProbe(string Operation, Func<ScalarType, IReadOnlyList<ProbeOutput>> Run)
{
    /// <summary>
    /// Every layer kind and optimiser the catalogue trains with: each distinct convolution of the catalogue's models
    /// at its own shape, plus the shapes that have gone wrong on some CPU (a 7×7 kernel over a 7×7 input, small
    /// channel counts); batch norm, pooling, dense, cross-entropy, an SGD and an Adam step; then each of
    /// <paramref name="models"/> whole, forward, loss and backward exactly as the trainer runs them.
    /// </summary>
    public static IReadOnlyList<KernelProbe> All(IEnumerable<ModelSpec> models)
    {
        var specs = models.ToList();
        IEnumerable<ConvShape> known =
        [
            new(64, 1, 32, 3, 28, Pad: 1), new(64, 32, 64, 3, 14, Pad: 1), new(32, 32, 32, 3, 26, Stride: 2),
            new(64, 64, 128, 3, 7, Pad: 2, Dilation: 2), new(128, 1, 4, 3, 28), new(128, 4, 8, 3, 24), new(128, 8, 4, 1, 11),
            new(128, 10, 10, 7, 7), new(32, 10, 10, 3, 28, Pad: 1),
        ];
        return
        [
            .. known.Concat(specs.SelectMany(s => ConvShape.Of(s.Layers, Shape.Image28))).DistinctBy(c => c with { N = 0 }).Select(Conv),
            BatchNorm(training: true),
            BatchNorm(training: false),
            Pool("max pool 2×2 on 32×28×28", x => nn.functional.max_pool2d(x, 2, 2)),
            Pool("average pool 2×2 on 32×28×28", x => nn.functional.avg_pool2d(x, 2, 2)),
            Pool("global average pool on 32×28×28", x => nn.functional.adaptive_avg_pool2d(x, 1)),
            Dense(),
            CrossEntropy(),
            Optimiser("SGD step (momentum 0.9, Nesterov, weight decay)",
                p => optim.SGD([p], 0.05, momentum: 0.9, weight_decay: 1e-4, nesterov: true)),
            Optimiser("Adam step (the trainer's fused Adam against libtorch's)", p => new FusedAdam([p], 1e-3, 1e-4)),
            .. specs.Select(Model),
        ];
    }

    /// <summary>One convolution's batch and shape: Cin→Cout, a K×K kernel over an H×H input.</summary>
    sealed record ConvShape(long N, long In, long Out, long Kernel, long Size, long Pad = 0, long Stride = 1, long Dilation = 1)
    {
        /// <summary>Every convolution of <paramref name="layers"/>, residual bodies and projections included, on 32 images.</summary>
        public static IEnumerable<ConvShape> Of(IReadOnlyList<Layer> layers, Shape input)
        {
            foreach (var layer in layers)
            {
                if (layer is Conv c) yield return new(32, input.C, c.Out, c.Kernel, input.H, c.Padding, c.Stride, c.Dilation);
                if (layer is Residual r)
                {
                    foreach (var inner in Of(r.Body, input)) yield return inner;
                    var output = ShapeInference.Output(input, r.Body);
                    if (SpecCost.NeedsProjection(input, output))
                    {
                        var p = SpecCost.Projection(input, output);
                        yield return new(32, input.C, p.Out, p.Kernel, input.H, p.Padding, p.Stride, p.Dilation);
                    }
                }
                input = ShapeInference.Next(input, layer);
            }
        }

        public override string ToString() =>
            $"conv {In}→{Out} {Kernel}×{Kernel}{(Stride > 1 ? $" stride {Stride}" : "")}{(Dilation > 1 ? $" dilation {Dilation}" : "")}" +
            $"{(Pad > 0 ? $" pad {Pad}" : "")} on {Size}×{Size}";
    }

    /// <summary>Standard-normal values from a fixed seed, drawn in float32 so both precisions see the same numbers.</summary>
    static Tensor Input(long[] shape, ulong seed, ScalarType dtype)
    {
        using var generator = new Generator(seed, CPU);
        return randn(shape, float32, generator: generator).to(dtype);
    }

    static Tensor Leaf(Tensor value) => value.detach().requires_grad_(true);

    // The upstream gradient is random, not ones, so a wrong element of a gradient cannot hide in a sum.
    static void Backward(Tensor output) => (output * Input(output.shape, 99, output.dtype)).sum().backward();

    static KernelProbe Conv(ConvShape c) => new(c.ToString(), dtype =>
    {
        var x = Leaf(Input([c.N, c.In, c.Size, c.Size], 1, dtype));
        var w = Leaf(Input([c.Out, c.In, c.Kernel, c.Kernel], 2, dtype) / Math.Sqrt(c.In * c.Kernel * c.Kernel));
        var b = Leaf(Input([c.Out], 3, dtype));
        var y = nn.functional.conv2d(x, w, b, strides: [c.Stride, c.Stride], padding: [c.Pad, c.Pad], dilation: [c.Dilation, c.Dilation]);
        Backward(y);
        return [ProbeOutput.Operation("forward", y.detach()), ProbeOutput.Operation("dX", x.grad!),
            ProbeOutput.Operation("dW", w.grad!), ProbeOutput.Operation("db", b.grad!)];
    });

    static KernelProbe BatchNorm(bool training) => new(
        $"batch norm, {(training ? "training" : "evaluation")} mode, 32×14×14",
        dtype =>
        {
            var x = Leaf(Input([64, 32, 14, 14], 1, dtype) * 3 + 1);
            var gamma = Leaf(Input([32], 2, dtype));
            var beta = Leaf(Input([32], 3, dtype));
            var (mean, variance) = (Input([32], 4, dtype), Input([32], 5, dtype).abs() + 0.5);
            var y = nn.functional.batch_norm(x, mean, variance, gamma, beta, training, 0.1, 1e-5);
            Backward(y);
            return [ProbeOutput.Operation("forward", y.detach()), ProbeOutput.Operation("dX", x.grad!),
                ProbeOutput.Operation("dγ", gamma.grad!), ProbeOutput.Operation("dβ", beta.grad!)];
        });

    static KernelProbe Pool(string operation, Func<Tensor, Tensor> pool) => new(operation, dtype =>
    {
        var x = Leaf(Input([64, 32, 28, 28], 1, dtype));
        var y = pool(x);
        Backward(y);
        return [ProbeOutput.Operation("forward", y.detach()), ProbeOutput.Operation("dX", x.grad!)];
    });

    static KernelProbe Dense() => new("dense 1024→10", dtype =>
    {
        var x = Leaf(Input([64, 1024], 1, dtype));
        var w = Leaf(Input([10, 1024], 2, dtype) / 32);
        var b = Leaf(Input([10], 3, dtype));
        var y = nn.functional.linear(x, w, b);
        Backward(y);
        return [ProbeOutput.Operation("forward", y.detach()), ProbeOutput.Operation("dX", x.grad!),
            ProbeOutput.Operation("dW", w.grad!), ProbeOutput.Operation("db", b.grad!)];
    });

    static KernelProbe CrossEntropy() => new("log-softmax + cross-entropy over 10 classes", dtype =>
    {
        var logits = Leaf(Input([256, 10], 1, dtype) * 4);
        var loss = nn.functional.cross_entropy(logits, Labels(256));
        loss.backward();
        return [ProbeOutput.Operation("loss", loss.detach()), ProbeOutput.Operation("dlogits", logits.grad!)];
    });

    static Tensor Labels(long n)
    {
        using var generator = new Generator(7, CPU);
        return randint(0, 10, [n], int64, generator: generator);
    }

    // Three steps on 70,000 weights: more than one work chunk of the fused Adam, and a tail that is not a whole vector.
    static KernelProbe Optimiser(string operation, Func<Parameter, OptimizerHelper> create) => new(operation, dtype =>
    {
        var p = new Parameter(Input([70_000], 1, dtype));
        var start = p.detach().clone();
        var optimizer = create(p);
        for (var step = 0; step < 3; step++)
        {
            optimizer.zero_grad();
            (p * Input([70_000], 10 + (ulong)step, dtype)).sum().backward();
            optimizer.step();
        }
        return [ProbeOutput.Operation("update", p.detach() - start)];
    });

    /// <summary>
    /// A catalogue model on 16 images (enough for libtorch's batched inference paths), as the trainer runs it
    /// (training mode, channels-last input where the trainer uses it), with dropout off so both precisions compute
    /// the same function; then an evaluation-mode forward as the evaluator runs it.
    /// </summary>
    static KernelProbe Model(ModelSpec spec) => new($"model {spec.Id}", dtype =>
    {
        var rng = random.get_rng_state();
        using var model = TorchBuilder.Build(spec, 1);
        random.set_rng_state(rng);                                         // the check leaves torch's global RNG as it was
        model.to(dtype);
        model.train();
        foreach (var dropout in model.modules().OfType<TorchSharp.Modules.Dropout>()) dropout.eval();
        var images = Input([16, 1, 28, 28], 1, dtype);
        if (ChannelsLast.Suits(model)) images = ChannelsLast.Of(images);
        var x = Leaf(images);
        var logits = model.forward(x);                                                 // [16, 10]
        var loss = nn.functional.cross_entropy(logits, Labels(16));
        loss.backward();
        var gradients = cat(model.parameters().Select(p => p.grad!.flatten()).ToArray());
        model.eval();
        Tensor evaluated;
        using (inference_mode()) evaluated = model.forward(images);
        return [ProbeOutput.ModelForward("logits", logits.detach()), ProbeOutput.ModelForward("loss", loss.detach()),
            ProbeOutput.ModelGradient("dX", x.grad!), ProbeOutput.ModelGradient("dW (all layers)", gradients),
            ProbeOutput.ModelForward("evaluation logits", evaluated)];
    });
}

/// <summary>
/// A probe's output with how it is judged. A single operation is judged element by element
/// (max |f32 − f64| / max |f64|). A whole model is judged in norm (‖f32 − f64‖₂ / ‖f64‖₂), and its gradients only for
/// gross failure: in a model, a rounding difference may move a max-pool's winner or flip a ReLU, which moves whole
/// gradient elements legitimately (se-resnet at 1 thread: 1.9e-2 in norm on a sound Zen 4), while its forward stays
/// continuous. The broken kernels seen so far were off by 0.5 or more, or NaN (docs/numerics.md).
/// </summary>
public sealed record ProbeOutput(string Quantity, Tensor Value, bool Normwise, double Tolerance)
{
    /// <summary>Sound float32 kernels land at 1e-8–1e-5 element-wise (the fused Adam against libtorch's: 1e-4).</summary>
    public const double OperationTolerance = 1e-3;
    /// <summary>A model's logits and loss: 1e-7–3e-5 in norm on sound kernels.</summary>
    public const double ModelForwardTolerance = 1e-3;
    /// <summary>A model's gradients: up to 2e-2 in norm on sound kernels, through moved max-pool winners.</summary>
    public const double ModelGradientTolerance = 2e-1;

    public static ProbeOutput Operation(string quantity, Tensor value) => new(quantity, value, false, OperationTolerance);
    public static ProbeOutput ModelForward(string quantity, Tensor value) => new(quantity, value, true, ModelForwardTolerance);
    public static ProbeOutput ModelGradient(string quantity, Tensor value) => new(quantity, value, true, ModelGradientTolerance);
}
