using FashionBench.Harness.Data;
using FashionBench.Models;
using FashionBench.Models.Building;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Timing;

/// <summary>The channels-last input of the training loop: same values, NHWC strides, only for models that gain.</summary>
public class TrainThroughputChannelsLastTests
{
    [TestCase(1)]
    [TestCase(3)]
    public void KeepsTheValuesAndHasNhwcStrides(int channels)
    {
        var images = rand(2, channels, 5, 4);
        var result = ChannelsLast.Of(images);
        Assert.That(result.stride(), Is.EqualTo(new long[] { channels * 20, 1, 4 * channels, channels }));
        Assert.That(result.eq(images).all().item<bool>(), Is.True);
        var conv = nn.Conv2d(channels, 8, 3);
        Assert.That(conv.forward(result).stride()[1], Is.EqualTo(1), "a convolution keeps the layout");
    }

    [TestCase("fashion-cnn/aug-dropout", true)]
    [TestCase("se-resnet", true)]
    [TestCase("mnist-8k/model1", false)]                                     // 4-channel convolutions
    [TestCase("fashion-cnn/logreg", false)]                                  // no convolution
    public void OnlyConvolutionalModelsWithAtLeastEightChannelsGoChannelsLast(string id, bool expected) =>
        Assert.That(ChannelsLast.Suits(TorchBuilder.Build(ModelCatalog.Find(id)!)), Is.EqualTo(expected));
}
