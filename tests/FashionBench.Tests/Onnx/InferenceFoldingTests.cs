using FashionBench.Models;
using FashionBench.Models.Building;
using NUnit.Framework;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Tests.Onnx;

/// <summary>The tuned TorchSharp path's module: BatchNorm folded into the convolution before it, as the ONNX export folds.</summary>
[TestFixture]
public sealed class InferenceFoldingTests
{
    static IEnumerable<string> CatalogueIds() => ModelCatalog.All.Select(s => s.Id);

    /// <summary>
    /// On BatchNorms far from identity, the folded module computes the module's eval-mode logits up to float32 rounding,
    /// with one BatchNorm fewer per folded pair; the trained module and torch's RNG are left as they were.
    /// </summary>
    [TestCaseSource(nameof(CatalogueIds))]
    public void TheFoldedModuleComputesWhatTheModuleComputes(string id)
    {
        var spec = ModelCatalog.Find(id)!;
        using var module = ExportedModules.Build(spec);
        using var images = ExportedModules.Images(64);
        var before = module.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());
        var rng = random.get_rng_state();
        using var folded = InferenceFolding.Fold(spec, module);
        Assert.That(random.get_rng_state().eq(rng).all().item<bool>(), Is.True, "torch's global RNG is left as it was");

        using var noGrad = no_grad();
        using var expected = module.forward(images);
        using var actual = folded.forward(images);
        var tolerance = 1e-4 * Math.Max(1, expected.abs().max().item<float>());
        Assert.That((actual - expected).abs().max().item<float>(), Is.LessThanOrEqualTo(tolerance), id);

        static int BatchNorms(SpecModule m) => m.modules().OfType<BatchNorm2d>().Count();
        Assert.That(BatchNorms(folded), Is.EqualTo(BatchNorms(module) - InferenceFolding.FoldableBatchNorms(spec)));
        foreach (var (key, value) in module.state_dict())
            Assert.That(value.eq(before[key]).all().item<bool>(), Is.True, $"{key} of the trained module changed");
    }

    [Test]
    public void OnlyABatchNormRightAfterAConvolutionFolds()
    {
        Assert.That(InferenceFolding.FoldableBatchNorms(ModelCatalog.Find("fashion-cnn/aug-dropout")!), Is.EqualTo(3), "conv → BN → ReLU, three times");
        Assert.That(InferenceFolding.FoldableBatchNorms(ModelCatalog.Find("mnist-8k/model1")!), Is.EqualTo(7), "conv → BN → ReLU, seven times");
        Assert.That(InferenceFolding.FoldableBatchNorms(ModelCatalog.Find("mnist-8k/model3")!), Is.Zero, "conv → ReLU → BN: the BN follows the activation");
        Assert.That(InferenceFolding.FoldableBatchNorms(ModelCatalog.Find("se-resnet")!), Is.Zero, "conv → ReLU → BN inside the residual bodies");
    }
}
