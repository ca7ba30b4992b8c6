namespace FashionBench.Models.Building;

/// <summary>
/// Folds an inference-form BatchNorm into the convolution before it: with s = γ / √(σ² + ε),
/// BN(W∗x + b) = (s·W)∗x + ((b − μ)·s + β). Computed in double, rounded once to float32.
/// </summary>
static class BatchNormFolding
{
    public const double Epsilon = 1e-5;

    /// <param name="weight">[out, in, k, k] row-major.</param>
    /// <param name="bias">[out], or null for a bias-free convolution.</param>
    public static (float[] Weight, float[] Bias) Fold(float[] weight, float[]? bias,
        float[] gamma, float[] beta, float[] runningMean, float[] runningVar)
    {
        var outChannels = gamma.Length;
        var perChannel = weight.Length / outChannels;   // in · k · k
        var foldedWeight = new float[weight.Length];
        var foldedBias = new float[outChannels];
        for (var o = 0; o < outChannels; o++)
        {
            var scale = gamma[o] / Math.Sqrt(runningVar[o] + Epsilon);
            for (var j = o * perChannel; j < (o + 1) * perChannel; j++) foldedWeight[j] = (float)(weight[j] * scale);
            foldedBias[o] = (float)(((bias?[o] ?? 0.0) - runningMean[o]) * scale + beta[o]);
        }
        return (foldedWeight, foldedBias);
    }
}
