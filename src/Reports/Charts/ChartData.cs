namespace FashionBench.Reports.Charts;

/// <summary>Shared by the recipes: argument checks (series that must line up with their x values), and value maps.</summary>
internal static class ChartData
{
    public static void RequireLength<T>(IReadOnlyCollection<T> values, int expected, string name)
    {
        if (values.Count != expected)
            throw new ArgumentException($"{name} has {values.Count} values, expected {expected}", name);
    }

    /// <summary><paramref name="f"/> of every value of a [series, group] table; NaN (not measured) stays NaN.</summary>
    public static double[,] Map(double[,] values, Func<double, double> f)
    {
        var result = new double[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
            for (var j = 0; j < values.GetLength(1); j++)
                result[i, j] = double.IsNaN(values[i, j]) ? double.NaN : f(values[i, j]);
        return result;
    }
}
