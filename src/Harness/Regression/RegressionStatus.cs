namespace FashionBench.Harness.Regression;

/// <summary>The status column of regression.csv. <see cref="Fail"/> and <see cref="NoRun"/> make `fashionbench regress` exit non-zero.</summary>
public static class RegressionStatus
{
    public const string Pass = "pass";
    public const string Fail = "FAIL";
    /// <summary>
    /// Reported, never failed: an epoch time above the bound (machines differ), or a diverged or collapsed run of a
    /// model whose reference runs failed on some seeds too.
    /// </summary>
    public const string Warning = "warning";
    /// <summary>A measured model with no bar in the thresholds file: reported, so it is not silently passed.</summary>
    public const string NoThreshold = "no threshold";
    /// <summary>A model with a bar but no run in the folder: a failure, since nothing was checked for it.</summary>
    public const string NoRun = "no run";
    /// <summary>Not comparable: epoch time measured on another device than the reference, or predictions of a configuration the bars list no run of.</summary>
    public const string Skipped = "skipped";
}
