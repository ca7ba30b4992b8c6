using FashionBench.Harness.Timing;
using FashionBench.Harness.Timing.Engines;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Timing;

/// <summary>
/// The one factory both `bench` and the BenchmarkDotNet suite create their engines with, so the two time the same
/// code with the same settings; and what the tuned TorchSharp path changes.
/// </summary>
public sealed class InferenceEngineTests
{
    static readonly float[] Images = Enumerable.Range(0, 300 * 784).Select(i => (i % 97) / 97f - 0.5f).ToArray();

    [Test]
    public void EveryKnownEngineIsMadeByTheFactoryUnderItsName()
    {
        var spec = ModelCatalog.Find("mnist-8k/model1")!;
        manual_seed(0);
        using var module = TorchBuilder.Build(spec);
        var onnx = OnnxBuilder.ToBytes(spec, module);
        foreach (var name in InferenceThroughputSettings.KnownEngines)
        {
            using var engine = InferenceThroughput.CreateEngine(name, spec, module, onnx, "cpu", 1, out var unusableBecause)!;
            Assert.That(unusableBecause, Is.Null);
            Assert.That(engine.Name, Is.EqualTo(name));
            engine.Load(Images.AsSpan(0, 8 * 784), 8);
            engine.Run();
            Assert.That(engine.Settings, Is.Not.Empty, "how it ran is recorded with every row");
            Assert.That(engine.Settings.Contains("7 BatchNorm(s) folded into their convolutions") || engine.Settings.Contains("its 7 foldable BatchNorm(s) unfolded"),
                Is.EqualTo(name == TorchSharpEngine.EngineName),
                "the tuned path tries model1 with its seven conv → BN pairs folded and says which it ran; the plain path runs the module as built");
        }
        Assert.That(InferenceThroughput.CreateEngine("no-such-engine", spec, module, onnx, "cpu", 1, out var why), Is.Null);
        Assert.That(why, Does.Contain("no-such-engine"));
    }

    [Test]
    public void TheTunedPathRunsALargeBatchInItsFastestChunkAndThePlainOneWhole()
    {
        var spec = ModelCatalog.Find("fashion-cnn/alternative")!;
        manual_seed(0);
        using var module = TorchBuilder.Build(spec);
        using var tuned = new TorchSharpEngine(spec, module, CPU, 1, tuned: true);
        tuned.Load(Images, 300);
        Assert.That(tuned.Chunk, Is.AnyOf(64, 256, 300), "one of the chunk sizes tried, or the whole batch");
        Assert.That(tuned.Settings, Does.Contain("channels-last").And.Contain(tuned.Chunk == 300 ? "whole batch" : $"chunks of {tuned.Chunk}"));
        tuned.Load(Images.AsSpan(0, 32 * 784), 32);
        Assert.That(tuned.Chunk, Is.EqualTo(32), "a batch no larger than the smallest chunk runs whole");
        using var plain = new TorchSharpEngine(spec, module, CPU, 1, tuned: false);
        plain.Load(Images, 300);
        Assert.That(plain.Chunk, Is.EqualTo(300));
    }

    [Test]
    public void EveryEngineGivesTheModulesLogits()
    {
        var spec = ModelCatalog.Find("mnist-8k/model1")!;   // seven foldable conv → BN pairs, channels-last
        manual_seed(0);
        using var module = TorchBuilder.Build(spec);
        var onnx = OnnxBuilder.ToBytes(spec, module);
        module.eval();
        float[] expected;
        using (var noGrad = no_grad())
        using (var logits = module.forward(tensor(Images, [300, 1, 28, 28])))
            expected = logits.data<float>().ToArray();
        foreach (var name in InferenceThroughputSettings.KnownEngines)
        {
            using var engine = InferenceThroughput.CreateEngine(name, spec, module, onnx, "cpu", 1, out _)!;
            engine.Load(Images, 300);   // the tuned engine may run it in chunks, folded
            Assert.That(engine.Logits(), Is.EqualTo(expected).Within(1e-4), name);
        }
    }
}
