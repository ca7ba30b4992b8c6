namespace FashionBench.Harness.Statistics;

/// <summary>
/// A seed-to-seed variance and its degrees of freedom, with where it comes from: a model's own seeds, or another set
/// of seeds it is borrowed from when a measurement has one seed only ("cpu reference, 5 seeds").
/// </summary>
public sealed record SeedSpread(double Variance, int DegreesOfFreedom, string Source)
{
    public const string Own = "own seeds";

    /// <summary>The sample variance (n − 1) of <paramref name="values"/>, or null for fewer than two values.</summary>
    public static SeedSpread? Of(IReadOnlyList<double> values, string source = Own)
    {
        if (values.Count < 2) return null;
        var mean = values.Average();
        return new SeedSpread(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1), values.Count - 1, source);
    }
}
