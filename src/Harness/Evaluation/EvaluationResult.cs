namespace FashionBench.Harness.Evaluation;

/// <summary>A model's predictions on a labelled set: mean cross-entropy, accuracy, argmax and its softmax probability.</summary>
public sealed record EvaluationResult(double Loss, double Accuracy, long[] Labels, long[] Predictions, float[] Confidences);
