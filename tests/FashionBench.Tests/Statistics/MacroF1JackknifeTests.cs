using FashionBench.Harness.Evaluation;
using FashionBench.Harness.Statistics;
using NUnit.Framework;

namespace FashionBench.Tests.Statistics;

/// <summary>The jackknifed sampling variance of a macro-F1 difference, against the definition computed the long way.</summary>
public sealed class MacroF1JackknifeTests
{
    static double MacroF1(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes)
    {
        var matrix = ConfusionMatrix.FromPredictions(labels.Select(l => (long)l).ToArray(), predictions.Select(p => (long)p).ToArray(), classes);
        return matrix.MacroF1(matrix.PerClass(Enumerable.Range(0, classes).Select(c => $"c{c}").ToList()));
    }

    /// <summary>(n − 1)/n · Σ (θ₍ᵢ₎ − θ̄)², each θ₍ᵢ₎ recomputed from a confusion matrix without item i.</summary>
    static double BruteForce(int[] labels, int[] first, int[] second, int classes)
    {
        var n = labels.Length;
        var deleted = Enumerable.Range(0, n).Select(i =>
        {
            int[] Without(int[] v) => [.. v[..i], .. v[(i + 1)..]];
            return MacroF1(Without(labels), Without(first), classes) - MacroF1(Without(labels), Without(second), classes);
        }).ToList();
        var mean = deleted.Average();
        return (n - 1.0) / n * deleted.Sum(d => (d - mean) * (d - mean));
    }

    [Test]
    public void MatchesTheJackknifeComputedFromConfusionMatrices()
    {
        // Four classes, with one never predicted and one never right, so F1's zero conventions are exercised too.
        var random = new Random(7);
        var labels = Enumerable.Range(0, 60).Select(i => i % 4).ToArray();
        var first = labels.Select(l => random.NextDouble() < 0.7 ? l : (l + 1 + random.Next(2)) % 4).Select(p => p == 3 ? 0 : p).ToArray();
        var second = labels.Select(l => random.NextDouble() < 0.8 ? l : random.Next(4)).ToArray();
        var expected = BruteForce(labels, first, second, 4);
        Assert.That(expected, Is.GreaterThan(1e-5));
        Assert.That(MacroF1Jackknife.VarianceOfDifference(labels, first, second, 4), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void IdenticalPredictionsHaveNoSamplingVarianceAndOneDifferentItemHasLittle()
    {
        var labels = Enumerable.Range(0, 100).Select(i => i % 10).ToArray();
        var predictions = labels.Select((l, i) => i < 80 ? l : (l + 1) % 10).ToArray();
        Assert.That(MacroF1Jackknife.VarianceOfDifference(labels, predictions, predictions, 10), Is.EqualTo(0));
        var oneChanged = (int[])predictions.Clone();
        oneChanged[99] = labels[99];
        Assert.That(MacroF1Jackknife.VarianceOfDifference(labels, oneChanged, predictions, 10),
            Is.EqualTo(BruteForce(labels, oneChanged, predictions, 10)).Within(1e-12).And.GreaterThan(0));
    }
}
