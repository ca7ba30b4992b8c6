using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Data;

/// <summary>
/// One split in memory: the tensors training and evaluation use. Tensors live on the CPU, outside any dispose scope;
/// the caller disposes the split.
/// </summary>
public sealed class DataSplit : IDisposable
{
    DataSplit(Tensor images, Tensor labels, int count)
    {
        Images = images;
        Labels = labels;
        Count = count;
    }

    /// <summary>[N, 1, 28, 28] float32, pixel / 255 (in [0, 1]), not normalised.</summary>
    public Tensor Images { get; }

    /// <summary>[N] int64 class indices 0..9.</summary>
    public Tensor Labels { get; }

    public int Count { get; }

    /// <summary>
    /// Tensors from <paramref name="split"/>, keeping only its first <paramref name="limit"/> items when given
    /// (the smoke profile trains on a prefix). The bytes are copied into the tensors in one call, then converted.
    /// </summary>
    public static DataSplit FromIdx(IdxSplit split, int? limit = null)
    {
        if (limit is <= 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "must be positive");
        var count = Math.Min(split.Count, limit ?? split.Count);
        var imageBytes = split.Rows * split.Cols;
        var pixels = count == split.Count ? split.Pixels : split.Pixels[..(count * imageBytes)];
        var labels = count == split.Count ? split.Labels : split.Labels[..count];

        using var rawImages = tensor(pixels, [count, 1, split.Rows, split.Cols]);  // [N, 1, 28, 28] uint8
        using var rawLabels = tensor(labels, [count]);                              // [N] uint8
        var images = rawImages.to(ScalarType.Float32).div_(255f).DetachFromDisposeScope();
        var labelTensor = rawLabels.to(ScalarType.Int64).DetachFromDisposeScope();
        return new DataSplit(images, labelTensor, count);
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
