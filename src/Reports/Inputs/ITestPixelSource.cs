namespace FashionBench.Reports.Inputs;

/// <summary>
/// The test images of a dataset, for the misclassified-image grids and the sample image of activation maps.
/// Throws <see cref="FashionBench.Harness.UserError"/> when they cannot be had; the report then says so instead.
/// </summary>
public interface ITestPixelSource
{
    /// <summary>N × 28 × 28 bytes, image after image in test-file order (run predictions index into it).</summary>
    byte[] TestPixels(string dataset);
}
