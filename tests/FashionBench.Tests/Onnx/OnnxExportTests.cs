using FashionBench.Harness.Export;
using FashionBench.Models;
using FashionBench.Models.Onnx;
using FashionBench.Models.Onnx.Proto;
using Microsoft.ML.OnnxRuntime;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Onnx;

public class OnnxExportTests
{
    static IEnumerable<string> Ids() => ModelCatalog.All.Select(s => s.Id);

    [TestCaseSource(nameof(Ids))]
    public void EveryCatalogueModelExportsAndMatchesTorchSharp(string id)
    {
        var spec = ModelCatalog.Find(id)!;
        using var scope = NewDisposeScope();
        using var module = ExportedModules.Build(spec);
        var onnx = OnnxBuilder.ToBytes(spec, module);
        var result = Parity.Check(spec, module, ExportedModules.Images(256), onnx);
        Assert.That(result.Model, Is.EqualTo(spec.Id));
        Assert.That(result.MaxAbsDiff, Is.LessThanOrEqualTo(ParityResult.Tolerance));
        Assert.That(result.ArgmaxAgreement, Is.EqualTo(1.0));
        Assert.That(result.OnnxBytes, Is.EqualTo(onnx.Length));
        Assert.That(result.Passed, Is.True);
    }

    // model1: every BN right after a conv (all fold); model3: every BN after a ReLU (none folds); se-resnet: residual + SE.
    [TestCase("mnist-8k/model1", BatchNormExport.Fold, 0)]
    [TestCase("mnist-8k/model1", BatchNormExport.Inference, 7)]
    [TestCase("mnist-8k/model3", BatchNormExport.Fold, 5)]
    [TestCase("mnist-8k/model3", BatchNormExport.Inference, 5)]
    [TestCase("se-resnet", BatchNormExport.Fold, 3)]
    [TestCase("keras-cnn/leakyrelu-strided-adam", BatchNormExport.Fold, 0)]
    [TestCase("keras-cnn/leakyrelu-strided-adam", BatchNormExport.Inference, 6)]
    public void BothBatchNormModesPassParity(string id, BatchNormExport mode, int batchNormNodes)
    {
        var spec = ModelCatalog.Find(id)!;
        using var scope = NewDisposeScope();
        using var module = ExportedModules.Build(spec);
        var model = OnnxBuilder.Build(spec, module, mode);
        Assert.That(model.Graph.Node.Count(n => n.OpType == "BatchNormalization"), Is.EqualTo(batchNormNodes));
        var result = Parity.Check(spec, module, ExportedModules.Images(256), Google.Protobuf.MessageExtensions.ToByteArray(model));
        Assert.That(result.Passed, Is.True, $"max |Δ| {result.MaxAbsDiff}, argmax agreement {result.ArgmaxAgreement}");
    }

    [Test]
    public void ParityFailsForWeightsThatAreNotTheModules()
    {
        var spec = ModelCatalog.Find("tinyvgg/v3")!;
        using var scope = NewDisposeScope();
        using var module = ExportedModules.Build(spec, seed: 1);
        using var other = ExportedModules.Build(spec, seed: 7);
        var result = Parity.Check(spec, module, ExportedModules.Images(64), OnnxBuilder.ToBytes(spec, other));
        Assert.That(result.MaxAbsDiff, Is.GreaterThan(ParityResult.Tolerance));
        Assert.That(result.Passed, Is.False);
    }

    [Test]
    public void ParityLeavesATrainingModuleInTrainingMode()
    {
        var spec = ModelCatalog.Find("fashion-cnn/logreg")!;
        using var scope = NewDisposeScope();
        using var module = ExportedModules.Build(spec);
        module.train();
        Parity.Check(spec, module, ExportedModules.Images(8), OnnxBuilder.ToBytes(spec, module));
        Assert.That(module.training, Is.True);
    }

    [Test]
    public void ModelDeclaresOpset17IrVersion8AndADynamicBatch()
    {
        var spec = ModelCatalog.Find("se-cnn")!;
        using var scope = NewDisposeScope();
        using var module = ExportedModules.Build(spec);
        var bytes = OnnxBuilder.ToBytes(spec, module);

        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.That(model.IrVersion, Is.EqualTo(8));
        Assert.That(model.OpsetImport.Single().Version, Is.EqualTo(17));
        Assert.That(model.Graph.Input.Single().Type.TensorType.Shape.Dim[0].DimParam, Is.EqualTo("N"));

        using var session = new InferenceSession(bytes);
        Assert.That(session.InputMetadata["input"].Dimensions, Is.EqualTo(new[] { -1, 1, 28, 28 }));
        Assert.That(session.OutputMetadata["logits"].Dimensions, Is.EqualTo(new[] { -1, 10 }));
        foreach (var n in new[] { 1, 5 })
        {
            using var input = OrtValue.CreateTensorValueFromMemory(new float[n * 784], [n, 1, 28, 28]);
            using var outputs = session.Run(new RunOptions(), ["input"], [input], ["logits"]);
            Assert.That(outputs[0].GetTensorTypeAndShape().Shape, Is.EqualTo(new long[] { n, 10 }));
        }
    }

    [Test]
    public void NodesAndInitializersAreNamedByLayerPath()
    {
        var spec = ModelCatalog.Find("se-resnet")!;
        using var scope = NewDisposeScope();
        using var module = ExportedModules.Build(spec);
        var graph = OnnxBuilder.Build(spec, module, BatchNormExport.Inference).Graph;
        var initializers = graph.Initializer.Select(i => i.Name).ToList();
        Assert.That(initializers, Is.SupersetOf(new[]
        {
            "layers.0.body.0.weight", "layers.0.body.2.running_var", "layers.0.body.3.fc1.weight", "layers.0.shortcut.weight",
            "layers.8.weight", "layers.11.bias",
        }));
        Assert.That(graph.Node.Select(n => n.Name), Does.Contain("layers.0.body.3.fc2").And.Contain("layers.0"));
        Assert.That(graph.Node.Select(n => n.OpType), Has.None.EqualTo("Dropout"));
        Assert.That(graph.Node.Last().Output.Single(), Is.EqualTo("logits"));
    }

    [Test]
    public void ExportWritesTheModelFileAndNothingElse()
    {
        var spec = ModelCatalog.Find("tinyvgg/v1-linear")!;
        var dir = Directory.CreateTempSubdirectory("fashionbench-onnx-").FullName;
        try
        {
            using var scope = NewDisposeScope();
            using var module = ExportedModules.Build(spec);
            var path = Path.Combine(dir, $"{spec.FileName}.onnx");
            var bytes = OnnxExport.Write(spec, module, path);
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(bytes));
            Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void ParityCsvHasTheExactColumnsAndInvariantNumbers()
    {
        var dir = Directory.CreateTempSubdirectory("fashionbench-parity-").FullName;
        try
        {
            var path = Path.Combine(dir, "parity.csv");
            ParityCsv.Write(path, [new ParityResult("fashion-cnn/aug-dropout", 1.25e-6, 1.0, 6_806_123), new ParityResult("se-cnn", 0.5, 0.75, 42, "initial (seed 1)")]);
            Assert.That(File.ReadAllText(path), Is.EqualTo(
                "model,max_abs_diff,argmax_agreement,onnx_bytes,weights\n" +
                "fashion-cnn/aug-dropout,1.25E-06,1,6806123,trained\n" +
                "se-cnn,0.5,0.75,42,initial (seed 1)\n"));
            // Files written before the weights were recorded read back as trained ones.
            File.WriteAllText(path, "model,max_abs_diff,argmax_agreement,onnx_bytes\nse-cnn,0.5,0.75,42\n");
            Assert.That(ParityCsv.Read(path).Single().Weights, Is.EqualTo("trained"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
