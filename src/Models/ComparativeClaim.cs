namespace FashionBench.Models;

/// <summary>What a comparative finding compares.</summary>
public enum ComparedMeasure
{
    /// <summary>Final test accuracy; the paired test images also give McNemar's test.</summary>
    TestAccuracy,
    /// <summary>The best epoch's accuracy on the test set (write-ups that validated on it).</summary>
    BestEpochTestAccuracy,
    /// <summary>Validation accuracy after the first epoch: "converges faster in early epochs".</summary>
    FirstEpochValidationAccuracy,
    /// <summary>The built architecture's parameter count: an exact fact.</summary>
    Parameters,
}

/// <summary>
/// A write-up's finding that one model scores higher than another on a measure ("no augmentation beats augmentation
/// by 2.76 pp"): <paramref name="Higher"/> is claimed above <paramref name="Lower"/>. <paramref name="Difference"/> is
/// the documented Higher − Lower (a fraction for accuracies), null where the write-up gives none.
/// </summary>
public sealed record ComparativeClaim(
    string Finding,
    string Higher,
    string Lower,
    ComparedMeasure Measure,
    double? Difference,
    string Quote);
