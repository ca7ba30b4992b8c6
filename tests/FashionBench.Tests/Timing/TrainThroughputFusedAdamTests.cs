using FashionBench.Harness.Optimisers;
using FashionBench.Harness.Training;
using NUnit.Framework;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Tests.Timing;

/// <summary>The fused Adam of the training loop against TorchSharp's op-by-op Adam.</summary>
public class TrainThroughputFusedAdamTests
{
    // Sizes with SIMD tails, and one spanning several work chunks.
    static readonly long[][] Shapes = [[7], [3, 5], [33, 1000], [300_001]];

    static List<Parameter> Parameters(int seed)
    {
        manual_seed(seed);
        return Shapes.Select(shape => new Parameter(randn(shape))).ToList();
    }

    static void Steps(optim.Optimizer optimizer, List<Parameter> parameters, int steps)
    {
        for (var s = 0; s < steps; s++)
        {
            manual_seed(100 + s);
            foreach (var p in parameters) p.grad = randn(p.shape);
            optimizer.step();
        }
    }

    [TestCase(0.0)]
    [TestCase(1e-2)]
    public void FollowsTorchSharpsAdamToFloatRounding(double weightDecay)
    {
        var (fused, reference) = (Parameters(1), Parameters(1));
        Steps(new FusedAdam(fused, 3e-3, weightDecay), fused, 6);
        Steps(optim.Adam(reference, 3e-3, weight_decay: weightDecay), reference, 6);
        foreach (var (a, b) in fused.Zip(reference))
            Assert.That(a.detach().allclose(b.detach(), rtol: 1e-5, atol: 1e-6), Is.True,
                $"max difference {(a - b).abs().max().item<float>()}");
        Assert.That(fused[0].detach().eq(Parameters(1)[0]).all().item<bool>(), Is.False, "the parameters moved");
    }

    [Test]
    public void GivesTheSameBitsWithAnyThreadCount()
    {
        var threads = get_num_threads();
        var (one, two) = (Parameters(2), Parameters(2));
        set_num_threads(1);
        Steps(new FusedAdam(one, 1e-3, 0), one, 3);
        set_num_threads(2);
        Steps(new FusedAdam(two, 1e-3, 0), two, 3);
        set_num_threads(threads);
        Assert.That(one.Zip(two).All(t => t.First.detach().eq(t.Second.detach()).all().item<bool>()), Is.True);
    }

    [Test]
    public void ACheckpointOfAnotherOptimiserTypeIsNotResumed()
    {
        var dir = Directory.CreateTempSubdirectory("fb-fused-").FullName;
        try
        {
            var model = nn.Linear(3, 2);
            var checkpoint = new Checkpoint(dir);
            var state = new TrainerState("hash", 1, 10, [], new PlateauState(1e-3, 1, 0), 1, 1, false, "", "", null);
            checkpoint.Save(state, model, optim.Adam(model.parameters()), isBest: false);
            Assert.That(checkpoint.Load("hash", model, new FusedAdam(model.parameters(), 1e-3, 0)), Is.Null);
            Assert.That(checkpoint.Load("hash", model, optim.Adam(model.parameters())), Is.Not.Null);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
