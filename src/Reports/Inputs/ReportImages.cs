using FashionBench.Harness;
using FashionBench.Models;

namespace FashionBench.Reports.Inputs;

/// <summary>
/// The pixels and weights the pages draw, loaded before any page is laid out (the layout itself reads records only):
/// each dataset's test images, and the first-layer filters and activation maps of each write-up that shows them.
/// What cannot be had is kept as the one-line reason, which the page prints instead.
/// </summary>
public sealed class ReportImages
{
    readonly Dictionary<string, (byte[]? Pixels, string? Problem)> testPixels = [];
    readonly Dictionary<string, (FirstLayerMaps? Maps, string? Problem)> firstLayers = [];

    /// <param name="pixels">Where test images come from (the dataset cache; a test double in tests).</param>
    public static ReportImages Load(ReportInputs inputs, ITestPixelSource pixels)
    {
        var images = new ReportImages();
        foreach (var dataset in inputs.Runs.Select(r => r.Metrics.Dataset).Distinct())
        {
            try { images.testPixels[dataset] = (pixels.TestPixels(dataset), null); }
            catch (UserError e) { images.testPixels[dataset] = (null, e.Message); }
        }
        foreach (var writeUp in ModelCatalog.WriteUps.Where(w => w.ShowsFilters))
        {
            if (inputs.Representatives.FirstOrDefault(r => r.Spec?.WriteUp == writeUp.Number) is not { } run) continue;
            var sample = images.TestPixels(run.Metrics.Dataset).Pixels is { Length: >= 28 * 28 } all ? all[..(28 * 28)] : null;
            try { images.firstLayers[run.Metrics.RunId] = (FirstLayerMaps.Read(inputs.Store, run, run.Spec!, sample), null); }
            catch (UserError e) { images.firstLayers[run.Metrics.RunId] = (null, e.Message); }
        }
        return images;
    }

    /// <summary>The test images of <paramref name="dataset"/> (28×28 bytes each), or why they cannot be had.</summary>
    public (byte[]? Pixels, string? Problem) TestPixels(string dataset) =>
        testPixels.TryGetValue(dataset, out var known) ? known : (null, $"no run of {dataset} in these results");

    /// <summary>The run's first-layer maps (null maps and no problem: the model has no convolution), or why they cannot be had.</summary>
    public (FirstLayerMaps? Maps, string? Problem) FirstLayer(RunRecords run) =>
        firstLayers.TryGetValue(run.Metrics.RunId, out var known) ? known : (null, "its write-up does not show filters");
}
