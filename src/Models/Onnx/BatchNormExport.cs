namespace FashionBench.Models.Onnx;

/// <summary>How BatchNorm layers are written to ONNX.</summary>
public enum BatchNormExport
{
    /// <summary>
    /// A BatchNorm directly after a convolution is folded into that convolution's weights and bias (W·s, (b − μ)·s + β
    /// with s = γ / √(σ² + ε)); one that follows anything else (Conv → ReLU → BN) stays a BatchNormalization node.
    /// </summary>
    Fold,

    /// <summary>Every BatchNorm is a BatchNormalization node in inference form (running statistics, ε = 1e-5).</summary>
    Inference,
}
