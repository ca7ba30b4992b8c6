using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>
/// Batched random augmentation: one affine transform per image (rotation, continuous translation, integer
/// pad-and-crop shift, horizontal flip) applied with a single affine_grid + grid_sample call — no per-image loop.
/// Works on [0,1] images so that the zero fill is the datasets' black background; normalise afterwards.
/// The random parameters are drawn on the CPU and only θ moves to the images' device: TorchSharp's generators are
/// CPU generators whatever device they are given, and libtorch rejects a CPU generator for a CUDA draw. It also
/// makes the draws for a seed the same on every device.
/// </summary>
public sealed class Augmenter(AugmentationSpec spec)
{
    /// <summary>[B,1,H,W] → [B,1,H,W], drawing every random number from the CPU <paramref name="generator"/>.</summary>
    public Tensor Apply(Tensor images, Generator generator)
    {
        if (spec.IsNone) return images;
        long batch = images.shape[0], height = images.shape[2], width = images.shape[3];
        Tensor Uniform(double halfRange) =>                                  // [B] in [-halfRange, halfRange)
            (rand(batch, generator: generator) * 2 - 1) * halfRange;

        var angle = Uniform(spec.RotationDegrees * Math.PI / 180);
        // affine_grid works in [-1, 1] coordinates: a shift of f·width is 2f; one pixel is 2/width.
        var tx = Uniform(2 * spec.Translate);
        var ty = Uniform(2 * spec.Translate);
        if (spec.PadCrop > 0)
        {
            tx = tx + randint(-spec.PadCrop, spec.PadCrop + 1, [batch], generator: generator).to(float32) * (2.0 / width);
            ty = ty + randint(-spec.PadCrop, spec.PadCrop + 1, [batch], generator: generator).to(float32) * (2.0 / height);
        }
        var flip = spec.HorizontalFlip
            ? where(rand(batch, generator: generator) < 0.5, -1f, 1f)
            : ones(batch);

        // Output pixel p samples the input at θ·[p, 1]; flipping negates the x column.
        var (cos, sin) = (angle.cos(), angle.sin());
        var theta = stack([cos * flip, -sin, tx, sin * flip, cos, ty], dim: 1).reshape(batch, 2, 3).to(images.device); // [B, 2, 3]
        var grid = nn.functional.affine_grid(theta, [batch, 1, height, width], align_corners: false);
        return nn.functional.grid_sample(images, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Zeros, align_corners: false);
    }
}
