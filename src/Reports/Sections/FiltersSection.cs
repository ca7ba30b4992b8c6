using FashionBench.Harness;
using FashionBench.Reports.Charts;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;

namespace FashionBench.Reports.Sections;

/// <summary>The first convolution of a trained model: its filters, and its feature maps for the first test image.</summary>
internal static class FiltersSection
{
    public const string Heading = "First-layer filters and activation maps";
    private const float Height = 330;
    private const int SampleIndex = 0;

    public static void Add(ReportDocument doc, ReportMaterial material, RunRecords run)
    {
        doc.Add(new HeadingBlock(Heading, 2));
        var (_, problem) = material.TestPixels(run.Metrics.Dataset);
        var (maps, unavailable) = material.Images.FirstLayer(run);
        if (unavailable is not null)
        {
            doc.Add(new ParagraphBlock($"The weights of {run.Model} cannot be shown: {unavailable}"));
            return;
        }
        if (maps is null)
        {
            doc.Add(new ParagraphBlock($"{run.Model} has no convolution, so there are no filters to show."));
            return;
        }
        var label = run.Predictions.FirstOrDefault(p => p.Index == SampleIndex) is { } prediction ? $" ({Article(run.Metrics.ClassNames[prediction.Label])})" : "";
        var activations = maps.Activations is null
            ? $" Activation maps need the test images, which cannot be had: {problem}"
            : $" Below: the first {maps.Activations.Length} feature maps {(maps.ActivationLayer == maps.ConvLayer ? "it produces" : $"after its activation (layer {maps.ActivationLayer})")} for test image {SampleIndex}{label}, each scaled to its own range (viridis).";
        doc.Add(new FigureBlock(Height, new FilterGrid(maps.Filters, maps.Activations).Draw,
            $"The first {maps.Filters.Length} filters of {run.Model}'s first convolution (layer {maps.ConvLayer}; blue negative, white zero, red positive, each scaled to its own largest weight)." + activations));
    }

    /// <summary>"an Ankle boot", "a Sneaker", "a 7".</summary>
    internal static string Article(string noun) => ("aeiouAEIOU".Contains(noun[0]) ? "an " : "a ") + noun;
}
