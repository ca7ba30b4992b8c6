namespace FashionBench.Harness.Statistics;

/// <summary>
/// The test-set sampling variance of a difference in macro F1 between two models scored on the same items: the
/// delete-one jackknife over the items (Efron and Stein 1981). Macro F1 is a ratio of counts with no closed-form
/// variance, and the jackknife keeps the pairing, so two identical prediction vectors give exactly 0, where the unpaired
/// bound would not. Deleting one item changes at most two classes' counts in each model, so all n deletions cost O(n).
/// </summary>
public static class MacroF1Jackknife
{
    public static double VarianceOfDifference(IReadOnlyList<int> labels, IReadOnlyList<int> first, IReadOnlyList<int> second, int classes)
    {
        if (first.Count != labels.Count || second.Count != labels.Count)
            throw new ArgumentException("both prediction vectors need one prediction per label");
        var n = labels.Count;
        if (n < 2) return 0;
        var (a, b) = (new ClassCounts(labels, first, classes), new ClassCounts(labels, second, classes));
        var deleted = new double[n];
        for (var i = 0; i < n; i++) deleted[i] = a.MacroF1Without(labels[i], first[i]) - b.MacroF1Without(labels[i], second[i]);
        var mean = deleted.Average();
        return (n - 1.0) / n * deleted.Sum(d => (d - mean) * (d - mean));
    }

    /// <summary>Per-class true positives, false positives and false negatives of one model, with their macro F1.</summary>
    sealed class ClassCounts
    {
        readonly int[] truePositives, falsePositives, falseNegatives;
        readonly double f1Sum;

        public ClassCounts(IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int classes)
        {
            (truePositives, falsePositives, falseNegatives) = (new int[classes], new int[classes], new int[classes]);
            for (var i = 0; i < labels.Count; i++)
            {
                if (labels[i] == predictions[i]) truePositives[labels[i]]++;
                else { falseNegatives[labels[i]]++; falsePositives[predictions[i]]++; }
            }
            f1Sum = Enumerable.Range(0, classes).Sum(F1);
        }

        // 2TP / (2TP + FP + FN) is 2PR / (P + R), and 0 where the class is never right (ConfusionMatrix's convention).
        static double F1(int tp, int fp, int fn) => tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        double F1(int c) => F1(truePositives[c], falsePositives[c], falseNegatives[c]);

        /// <summary>The macro F1 with one item (its label and this model's prediction) left out.</summary>
        public double MacroF1Without(int label, int prediction)
        {
            var classes = truePositives.Length;
            if (label == prediction)
                return (f1Sum - F1(label) + F1(truePositives[label] - 1, falsePositives[label], falseNegatives[label])) / classes;
            return (f1Sum - F1(label) - F1(prediction)
                    + F1(truePositives[label], falsePositives[label], falseNegatives[label] - 1)
                    + F1(truePositives[prediction], falsePositives[prediction] - 1, falseNegatives[prediction])) / classes;
        }
    }
}
