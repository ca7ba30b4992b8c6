namespace FashionBench.Harness.Evaluation;

/// <summary>Precision, recall and F1 of one class (0 when undefined, as scikit-learn's zero_division=0).</summary>
public sealed record ClassMetrics(int Class, string Name, double Precision, double Recall, double F1, int Support);
