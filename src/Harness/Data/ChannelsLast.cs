using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Data;

/// <summary>
/// Image batches in channels-last (NHWC) memory order. libtorch's oneDNN convolutions then produce channels-last
/// outputs, and BatchNorm, max-pooling and ReLU take their vectorised channels-last kernels instead of the slow
/// NCHW ones (max-pool forward was ~20× faster on fashion-cnn; see docs/performance.md). Only the input needs it:
/// every convolution follows its input's layout, the weights and their gradients stay contiguous (so checkpoints,
/// optimiser state and exported weights are unchanged), and Flatten restores the C·H·W order Dense layers expect.
/// </summary>
public static class ChannelsLast
{
    /// <summary>The narrowest convolution (output channels) that still gains: one AVX2 vector of floats.</summary>
    public const int MinimumChannels = 8;

    /// <summary>
    /// Whether <paramref name="model"/> gains from channels-last input: it has convolutions, each with at least
    /// <see cref="MinimumChannels"/> output channels. NHWC kernels vectorise over channels, so narrower ones waste
    /// lanes: mnist-8k/model1 (4-channel convolutions) trained 1.8× slower channels-last, every wider convolutional
    /// model of the catalogue faster. Models without convolutions have nothing to gain.
    /// </summary>
    public static bool Suits(nn.Module model)
    {
        var convolutions = model.modules().OfType<Conv2d>().ToList();
        return convolutions.Count > 0 && convolutions.All(c => c.weight!.shape[0] >= MinimumChannels);
    }

    /// <summary>[N,C,H,W] → the same values with NHWC strides (C·H·W, 1, W·C, C).</summary>
    public static Tensor Of(Tensor images)
    {
        long n = images.shape[0], c = images.shape[1], h = images.shape[2], w = images.shape[3];
        long[] strides = [c * h * w, 1, w * c, c];
        // One channel: a contiguous batch already lies in NHWC order; only the strides have to say so (libtorch reads
        // the ambiguous NCHW strides of a 1-channel tensor as NCHW).
        if (c == 1 && images.is_contiguous()) return images.as_strided(images.shape, strides);
        var result = empty_strided(images.shape, strides, images.dtype, images.device);
        return result.copy_(images);
    }
}
