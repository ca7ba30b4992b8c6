using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Harness.Training;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using FashionBench.Tests.Training;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Tests.Cuda;

/// <summary>Training, evaluation and inference on a GPU. Skipped, with the reason, where CUDA is not usable.</summary>
[Category("Cuda")]
public class CudaTests
{
    [SetUp]
    public void RequireCuda()
    {
        if (!(TryInitializeDeviceType(DeviceType.CUDA) && cuda.is_available()))
            Assert.Ignore("no usable CUDA device: this libtorch is a CPU build or there is no GPU " +
                          "(build with -p:TorchBackend=cuda and set FASHIONBENCH_LIBTORCH on a GPU machine)");
    }

    [Test]
    public void TrainsAndEvaluatesOnTheGpu()
    {
        var dir = Directory.CreateTempSubdirectory("fb-cuda-").FullName;
        var spec = TinySpecs.Adam with { Recipe = TinySpecs.Adam.Recipe with { Epochs = 3 } };
        var d = new SyntheticDatasetProvider().Load("synthetic", null, null, CUDA);
        Assert.That(d.TrainImages.device_type, Is.EqualTo(DeviceType.CUDA));
        var data = TrainingData.Split(d.TrainImages, d.TrainLabels, d.TestImages, d.TestLabels, 0.2, d.ClassNames, d.Mean, d.Std);
        var outcome = Trainer.Train(spec, data, new TrainerOptions(CUDA, 1, 3, dir, "hash"));
        Assert.That(outcome.Model.parameters().First().device_type, Is.EqualTo(DeviceType.CUDA));
        Assert.That(outcome.Curves.Select(c => c.TrainLoss), Is.All.GreaterThan(0).And.All.LessThan(10));
        var test = Evaluator.Evaluate(outcome.Model, d.TestImages, d.TestLabels, d.Mean, d.Std);
        Assert.That(test.Accuracy, Is.GreaterThan(0.3));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public void AugmentationDrawsTheSameTransformsOnTheGpuAsOnTheCpu()
    {
        var augmenter = new Augmenter(TinySpecs.Adam.Recipe.Augmentation);
        using var images = rand([16, 1, 28, 28], generator: new Generator(1));
        using var onCpu = augmenter.Apply(images, new Generator(7));
        using var onGpu = augmenter.Apply(images.to(CUDA), new Generator(7));
        Assert.That(onGpu.device_type, Is.EqualTo(DeviceType.CUDA));
        Assert.That(onGpu.cpu().sub(onCpu).abs().max().item<float>(), Is.LessThan(1e-5f));
    }

    [Test]
    public void InferenceThroughputIsMeasuredOnTheGpu()
    {
        var spec = FashionBench.Models.ModelCatalog.Find("mnist-8k/model1")!;
        using var module = TorchBuilder.Build(spec);
        module.to(CUDA);
        var settings = new InferenceThroughputSettings
        {
            BatchSizes = [64], Repetitions = 2, RepetitionSeconds = 0.01, WarmupSeconds = 0.01, Device = "cuda",
            Engines = ["torchsharp"],
        }.Validated();
        var records = InferenceThroughput.Measure(spec, module, OnnxBuilder.ToBytes(spec, module), settings).Records;
        Assert.That(records, Has.Count.EqualTo(1));
        Assert.That(records[0].Device, Is.EqualTo("cuda"));
        Assert.That(records[0].ImagesPerSecond, Is.GreaterThan(0));
    }

    [Test]
    public void DeviceSelectorResolvesCuda() =>
        Assert.That(DeviceSelector.Resolve("cuda", _ => { }).type, Is.EqualTo(DeviceType.CUDA));
}
