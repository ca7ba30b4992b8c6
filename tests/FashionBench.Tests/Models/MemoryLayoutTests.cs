using FashionBench.Harness.Data;
using FashionBench.Models;
using FashionBench.Models.Building;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Models;

/// <summary>
/// The built layers compute the same values for NCHW and channels-last activations, and hand gradients back in the
/// layout they received (a mixed-layout backward is what made Flatten and SqueezeExcite slow).
/// </summary>
public class MemoryLayoutTests
{
    /// <summary>The last of <paramref name="layers"/> as the builder makes it (the others only set its input shape).</summary>
    static nn.Module<Tensor, Tensor> Layer(params Layer[] layers) =>
        (nn.Module<Tensor, Tensor>)TorchBuilder.Build(TinySpec(layers)).children().First().children().Last();

    static ModelSpec TinySpec(Layer[] layers) => ModelCatalog.Find("fashion-cnn/logreg")! with { Layers = layers };

    static (Tensor Output, Tensor Gradient) ForwardBackward(nn.Module<Tensor, Tensor> layer, Tensor input, Tensor outputGradient)
    {
        var x = input.detach().requires_grad_(true);
        var y = layer.forward(x);
        y.backward([outputGradient]);
        return (y.detach(), x.grad!);
    }

    static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    [Test]
    public void FlattenKeepsNchwOrderAndReturnsTheGradientInTheInputLayout()
    {
        manual_seed(3);
        var nchw = randn(2, 3, 4, 5);
        var upstream = randn(2, 60);
        var flatten = Layer(new Flatten());

        var (plain, plainGradient) = ForwardBackward(flatten, nchw, upstream);
        var (fromNhwc, nhwcGradient) = ForwardBackward(flatten, ChannelsLast.Of(nchw), upstream);

        Assert.That(Same(plain, nchw.reshape(2, 60)), Is.True);
        Assert.That(Same(fromNhwc, plain), Is.True, "same C·H·W order whatever the layout");
        Assert.That(Same(nhwcGradient, plainGradient), Is.True);
        Assert.That(nhwcGradient.stride(), Is.EqualTo(new long[] { 60, 1, 15, 3 }), "the gradient comes back channels-last");
        Assert.That(plainGradient.is_contiguous(), Is.True);
    }

    [Test]
    public void SqueezeExciteIsTheSameFunctionInBothLayouts()
    {
        manual_seed(4);
        var se = Layer(new Conv(16, 1), new SqueezeExcite(4));               // 16 channels → hidden 4
        var nchw = randn(3, 16, 5, 5);
        var upstream = randn(3, 16, 5, 5);

        var (output, gradient) = ForwardBackward(se, nchw, upstream);
        var (nhwcOutput, nhwcGradient) = ForwardBackward(se, ChannelsLast.Of(nchw), ChannelsLast.Of(upstream));

        // x · σ(W₂ ReLU(W₁ GAP(x))) written out with the layer's own weights.
        var p = se.parameters().ToList();                                   // fc1.weight, fc1.bias, fc2.weight, fc2.bias
        var gate = nn.functional.linear(nn.functional.linear(nchw.mean([2, 3]), p[0], p[1]).relu(), p[2], p[3]).sigmoid();
        var expected = nchw * gate.view(3, 16, 1, 1);

        Assert.That(output.allclose(expected, rtol: 1e-5, atol: 1e-6), Is.True);
        Assert.That(nhwcOutput.allclose(output, rtol: 1e-5, atol: 1e-6), Is.True);
        Assert.That(nhwcGradient.allclose(gradient, rtol: 1e-4, atol: 1e-6), Is.True);
        Assert.That(nhwcOutput.stride()[1], Is.EqualTo(1), "channels-last in, channels-last out");
        Assert.That(nhwcGradient.stride()[1], Is.EqualTo(1), "and the gradient too");
    }
}
