using FashionBench.Reports.Inputs;
using FashionBench.Reports.Tables;

namespace FashionBench.Reports.Sections;

/// <summary>
/// What every section draws from, all loaded before layout: the records read, the tables derived from them, the
/// images, the rendering context.
/// </summary>
internal sealed class ReportMaterial(ReportInputs inputs, ReportTables tables, ReportContext context, ReportImages images)
{
    public ReportInputs Inputs { get; } = inputs;
    public ReportTables Tables { get; } = tables;
    public ReportContext Context { get; } = context;
    public ReportImages Images { get; } = images;

    /// <summary>The test images of <paramref name="dataset"/>, or the one-line reason they cannot be had.</summary>
    public (byte[]? Pixels, string? Problem) TestPixels(string dataset) => Images.TestPixels(dataset);
}
