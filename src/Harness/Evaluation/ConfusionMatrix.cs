namespace FashionBench.Harness.Evaluation;

/// <summary>Counts[true, predicted] over a labelled set, and the metrics derived from it.</summary>
public sealed class ConfusionMatrix
{
    public int[,] Counts { get; }
    public int Classes => Counts.GetLength(0);
    public int Total { get; }

    public ConfusionMatrix(int[,] counts)
    {
        if (counts.GetLength(0) != counts.GetLength(1)) throw new ArgumentException("confusion matrix must be square");
        Counts = counts;
        Total = counts.Cast<int>().Sum();
    }

    /// <summary>From the rows metrics.json records (true class by predicted class).</summary>
    public static ConfusionMatrix FromRows(int[][] rows)
    {
        var counts = new int[rows.Length, rows.Length];
        for (var t = 0; t < rows.Length; t++)
            for (var p = 0; p < rows.Length; p++) counts[t, p] = rows[t][p];
        return new ConfusionMatrix(counts);
    }

    public static ConfusionMatrix FromPredictions(ReadOnlySpan<long> labels, ReadOnlySpan<long> predictions, int classes)
    {
        if (labels.Length != predictions.Length) throw new ArgumentException("labels and predictions differ in length");
        var counts = new int[classes, classes];
        for (var i = 0; i < labels.Length; i++) counts[labels[i], predictions[i]]++;
        return new ConfusionMatrix(counts);
    }

    public double Accuracy => Total == 0 ? 0 : Enumerable.Range(0, Classes).Sum(c => Counts[c, c]) / (double)Total;

    public IReadOnlyList<ClassMetrics> PerClass(IReadOnlyList<string> names) =>
        Enumerable.Range(0, Classes).Select(c =>
        {
            int tp = Counts[c, c], support = Row(c), predicted = Column(c);
            double precision = predicted == 0 ? 0 : tp / (double)predicted, recall = support == 0 ? 0 : tp / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new ClassMetrics(c, names[c], precision, recall, f1, support);
        }).ToList();

    public double MacroF1(IReadOnlyList<ClassMetrics> perClass) => perClass.Average(m => m.F1);

    public double WeightedF1(IReadOnlyList<ClassMetrics> perClass) =>
        Total == 0 ? 0 : perClass.Sum(m => m.F1 * m.Support) / Total;

    /// <summary>Off-diagonal cells, largest first: (true, predicted, count).</summary>
    public IEnumerable<(int True, int Predicted, int Count)> MostConfused() =>
        from t in Enumerable.Range(0, Classes)
        from p in Enumerable.Range(0, Classes)
        where t != p && Counts[t, p] > 0
        orderby Counts[t, p] descending, t, p
        select (t, p, Counts[t, p]);

    int Row(int c) => Enumerable.Range(0, Classes).Sum(p => Counts[c, p]);
    int Column(int c) => Enumerable.Range(0, Classes).Sum(t => Counts[t, c]);
}
