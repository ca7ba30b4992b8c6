namespace FashionBench.Reports.Verdicts;

/// <summary>How a claim's numbers read: accuracies (fractions shown in percent), scores such as F1, losses, counts, seconds, megabytes, a rate of undefined unit.</summary>
public enum ClaimUnit { Accuracy, Score, Loss, Count, Seconds, Megabytes, Rate }
