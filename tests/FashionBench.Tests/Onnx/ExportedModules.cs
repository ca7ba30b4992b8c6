using FashionBench.Models;
using FashionBench.Models.Building;
using static TorchSharp.torch;

namespace FashionBench.Tests.Onnx;

/// <summary>Untrained modules whose BatchNorm layers are far from their initial identity, so BN export is really exercised.</summary>
static class ExportedModules
{
    public static SpecModule Build(ModelSpec spec, int seed = 1)
    {
        manual_seed(seed);
        var module = TorchBuilder.Build(spec);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var state = module.state_dict();
        foreach (var key in state.Keys.Where(k => k.EndsWith(".running_mean", StringComparison.Ordinal)).ToList())
        {
            var layer = key[..^"running_mean".Length];
            state[layer + "weight"].uniform_(0.5, 1.5);   // γ
            state[layer + "bias"].uniform_(-0.5, 0.5);    // β
        }
        module.train();
        for (var pass = 0; pass < 3; pass++) module.forward(randn(32, 1, 28, 28) * 1.5 + 0.3);   // running μ, σ² move off 0 and 1
        module.eval();
        return module;
    }

    /// <summary>[n, 1, 28, 28] standard-normal images, a stand-in for normalised data.</summary>
    public static Tensor Images(int n, int seed = 2)
    {
        manual_seed(seed);
        return randn(n, 1, 28, 28);
    }
}
