using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// Image batches in channels-last (NHWC) memory order. libtorch's oneDNN convolutions then produce channels-last
/// outputs, and BatchNorm, max-pooling and ReLU take their vectorised channels-last kernels instead of the slow
/// NCHW ones (max-pool forward was ~20× faster on fashion-cnn; see docs/performance.md). Only the input needs it:
/// every convolution follows its input's layout, the weights and their gradients stay contiguous (so checkpoints,
/// optimiser state and exported weights are unchanged), and Flatten restores the C·H·W order Dense layers expect.
/// </summary>
public static class ChannelsLast
{
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
