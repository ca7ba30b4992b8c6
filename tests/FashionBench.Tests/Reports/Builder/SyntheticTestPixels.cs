using FashionBench.Reports.Inputs;

namespace FashionBench.Tests.Reports.Builder;

/// <summary>
/// Test images for report tests that must not need the real datasets: <see cref="SyntheticResults.TestImages"/>
/// 28×28 rings whose radius depends on the index, bright (255) on a 0 background like the IDX files.
/// </summary>
sealed class SyntheticTestPixels : ITestPixelSource
{
    public List<string> Requested { get; } = [];

    public byte[] TestPixels(string dataset)
    {
        Requested.Add(dataset);
        var pixels = new byte[SyntheticResults.TestImages * 28 * 28];
        for (var i = 0; i < SyntheticResults.TestImages; i++)
            for (var y = 0; y < 28; y++)
                for (var x = 0; x < 28; x++)
                {
                    var r = Math.Sqrt((x - 13.5) * (x - 13.5) + (y - 13.5) * (y - 13.5));
                    pixels[i * 784 + y * 28 + x] = (byte)Math.Clamp(255 - 90 * Math.Abs(r - (4 + i % 8)), 0, 255);
                }
        return pixels;
    }
}
