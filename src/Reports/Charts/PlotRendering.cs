using ScottPlot;
using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Draws a ScottPlot <see cref="Plot"/> as vectors into a rectangle of an existing canvas, e.g. a PDF page, sized
/// for print: ScottPlot's pixel units become points, so its screen-sized fonts are set to 7-9 pt here.
/// </summary>
public static class PlotRendering
{
    public const float TickFontSize = 7.5f;
    public const float AxisLabelFontSize = 8.5f;
    public const float TitleFontSize = 9.5f;

    /// <returns>The data area it drew into: what is left of <paramref name="rect"/> after axes and labels.</returns>
    public static PixelRect Render(Plot plot, SKCanvas canvas, SKRect rect)
    {
        ApplyPrintStyle(plot);
        // By default a render first clears the canvas, erasing whatever a shared canvas (a page) already holds.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        canvas.Save();
        canvas.ClipRect(rect);
        plot.Render(canvas, new PixelRect(rect.Left, rect.Right, rect.Bottom, rect.Top));
        canvas.Restore();
        return plot.RenderManager.LastRender.DataRect;
    }

    /// <summary>A chart with its legend as one row above it (<see cref="LegendRow"/>); the plot shows no legend of its own.</summary>
    public static PixelRect Render(Plot plot, SKCanvas canvas, SKRect rect, IReadOnlyList<LegendEntry> legend)
    {
        LegendRow.Draw(canvas, rect, legend);
        return Render(plot, canvas, LegendRow.Below(rect));
    }

    private static void ApplyPrintStyle(Plot plot)
    {
        // Font names are set on each label, not with plot.Font.Set: that also changes ScottPlot's process-wide default
        // font, so a chart's text would depend on which charts were drawn before it.
        var family = ChartFonts.Available ? ChartFonts.Family : Fonts.Default;
        plot.Axes.Title.Label.FontName = family;
        plot.Legend.FontName = family;
        foreach (var text in plot.GetPlottables<ScottPlot.Plottables.Text>()) text.LabelFontName = family;
        foreach (var bars in plot.GetPlottables<ScottPlot.Plottables.BarPlot>()) bars.ValueLabelStyle.FontName = family;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = family;
            axis.TickLabelStyle.FontName = family;
            axis.TickLabelStyle.FontSize = TickFontSize;
            axis.Label.FontSize = AxisLabelFontSize;
            axis.MajorTickStyle.Length = 3;
            axis.MinorTickStyle.Length = 1.5f;
        }
        plot.Axes.Title.Label.FontSize = TitleFontSize;
        plot.Legend.FontSize = TickFontSize;
        plot.Legend.SymbolWidth = 14;
        plot.Legend.Padding = new PixelPadding(4);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(0.08);
    }
}
