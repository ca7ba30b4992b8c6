namespace FashionBench.Harness.Export;

/// <summary>How closely ONNX Runtime reproduces TorchSharp's eval-mode logits on the same images.</summary>
/// <param name="MaxAbsDiff">Largest |logit_onnx − logit_torch| over all images and classes.</param>
/// <param name="ArgmaxAgreement">Fraction of images whose predicted class is the same in both, in [0, 1].</param>
/// <param name="OnnxBytes">Size of the serialised ONNX model.</param>
/// <param name="Weights">"trained", or the initial weights of a run kept without its own (<see cref="Runs.TrainedModels.WeightsOf"/>).</param>
public sealed record ParityResult(string Model, double MaxAbsDiff, double ArgmaxAgreement, long OnnxBytes, string Weights = Runs.TrainedModels.Trained)
{
    /// <summary>The largest logit difference an export may show (float32 rounding in a different operator order).</summary>
    public const double Tolerance = 1e-4;

    public bool Passed => MaxAbsDiff <= Tolerance && ArgmaxAgreement == 1.0;
}
