using FashionBench.Reports.Inputs;
using FashionBench.Reports.Tables;

namespace FashionBench.Reports.Sections;

/// <summary>What every section draws from: the records read, the tables derived from them, the rendering context.</summary>
internal sealed class ReportMaterial(ReportInputs inputs, ReportTables tables, ReportContext context, ITestPixelSource pixels)
{
    private readonly Dictionary<string, (byte[]?, string?)> testPixels = [];

    public ReportInputs Inputs { get; } = inputs;
    public ReportTables Tables { get; } = tables;
    public ReportContext Context { get; } = context;

    /// <summary>
    /// The test images of <paramref name="dataset"/>, or the one-line reason they cannot be had (asked once per
    /// dataset, so a missing dataset is not looked for again for every model).
    /// </summary>
    public (byte[]? Pixels, string? Problem) TestPixels(string dataset)
    {
        if (testPixels.TryGetValue(dataset, out var known)) return known;
        try { return testPixels[dataset] = (pixels.TestPixels(dataset), null); }
        catch (Harness.UserError e) { return testPixels[dataset] = (null, e.Message); }
    }
}
