using ScottPlot;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Bars for values[series, group]: one cluster per group, one coloured bar per series, a legend entry per series.
/// NaN values leave a gap. Shared by the throughput and documented-vs-measured charts.
/// </summary>
internal static class GroupedBars
{
    /// <param name="errors">Whisker half-lengths per [series, group] (NaN or 0: none); null for no whiskers.</param>
    public static void Add(Plot plot, IReadOnlyList<string> groups, IReadOnlyList<string> series, double[,] values,
        bool horizontal, double valueBase = 0, Func<double, string>? label = null, double[,]? errors = null)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var slot = 0.8 / series.Count; // clusters fill 80 % of each unit, leaving a gap between groups
        for (var s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (var g = 0; g < groups.Count; g++)
            {
                if (double.IsNaN(values[s, g])) continue;
                bars.Add(new Bar
                {
                    Position = Position(g, groups.Count, s, series.Count, horizontal),
                    Value = values[s, g],
                    ValueBase = valueBase,
                    Size = slot * 0.92,
                    FillColor = palette.GetColor(s),
                    LineWidth = 0,
                    Label = label?.Invoke(values[s, g]) ?? "",
                    Error = errors is null || double.IsNaN(errors[s, g]) ? 0 : errors[s, g],
                    ErrorSize = slot * 0.4,
                    Orientation = horizontal ? Orientation.Horizontal : Orientation.Vertical,
                });
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s];
            plottable.ValueLabelStyle.FontSize = 6.5f;
            plottable.Horizontal = horizontal;
        }
        var positions = Enumerable.Range(0, groups.Count).Select(g => Slot(g, groups.Count, horizontal)).ToArray();
        IAxis categoryAxis = horizontal ? plot.Axes.Left : plot.Axes.Bottom;
        categoryAxis.SetTicks(positions, groups.ToArray());
    }

    /// <summary>Centre of series <paramref name="s"/>'s bar in group <paramref name="g"/>, on the category axis.</summary>
    public static double Position(int g, int groups, int s, int series, bool horizontal)
    {
        var slot = 0.8 / series;
        return Slot(g, groups, horizontal) + (horizontal ? 0.4 - slot * (s + 0.5) : -0.4 + slot * (s + 0.5));
    }

    /// <summary>Centre of group <paramref name="g"/>; horizontal charts list the first group on top, as a table would.</summary>
    private static double Slot(int g, int count, bool horizontal) => horizontal ? count - 1 - g : g;
}
