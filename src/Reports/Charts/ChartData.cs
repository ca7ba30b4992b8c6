namespace FashionBench.Reports.Charts;

/// <summary>Argument checks shared by the recipes: series that must line up with their x values.</summary>
internal static class ChartData
{
    public static void RequireLength<T>(IReadOnlyCollection<T> values, int expected, string name)
    {
        if (values.Count != expected)
            throw new ArgumentException($"{name} has {values.Count} values, expected {expected}", name);
    }
}
