using System.Text.Json.Serialization;

namespace FashionBench.Models;

/// <summary>
/// The closed layer vocabulary a model spec is written in. Input channels and spatial sizes are never stated:
/// they follow from the input shape (<see cref="Shape"/>), so a spec lists only what a write-up describes.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Conv), "conv")]
[JsonDerivedType(typeof(BatchNorm), "batchnorm")]
[JsonDerivedType(typeof(Act), "act")]
[JsonDerivedType(typeof(Pool), "pool")]
[JsonDerivedType(typeof(GlobalAvgPool), "gap")]
[JsonDerivedType(typeof(SqueezeExcite), "se")]
[JsonDerivedType(typeof(Residual), "residual")]
[JsonDerivedType(typeof(Flatten), "flatten")]
[JsonDerivedType(typeof(Dense), "dense")]
[JsonDerivedType(typeof(Dropout), "dropout")]
public abstract record Layer;

/// <summary>2-D convolution, square kernel. PyTorch semantics: explicit symmetric padding.</summary>
public sealed record Conv(int Out, int Kernel, int Stride = 1, int Padding = 0, int Dilation = 1, bool Bias = true) : Layer;

/// <summary>BatchNorm2d over channels (eps 1e-5, momentum 0.1, PyTorch defaults).</summary>
public sealed record BatchNorm : Layer;

public enum ActivationKind { Relu, LeakyRelu, Sigmoid }

/// <summary>Element-wise activation; <paramref name="Slope"/> is LeakyReLU's negative slope.</summary>
public sealed record Act(ActivationKind Kind, double Slope = 0.01) : Layer
{
    public static readonly Act Relu = new(ActivationKind.Relu);
}

public enum PoolKind { Max, Avg }

/// <summary>Max or average pooling without padding (average pooling therefore never counts padding).</summary>
public sealed record Pool(PoolKind Kind, int Kernel, int Stride) : Layer
{
    public static readonly Pool Max2 = new(PoolKind.Max, 2, 2);
}

/// <summary>Global average pooling: [N,C,H,W] → [N,C,1,1].</summary>
public sealed record GlobalAvgPool : Layer;

/// <summary>Squeeze-and-excitation (Hu et al.): GAP → FC(C→C/r) → ReLU → FC(C/r→C) → sigmoid → channel scale.</summary>
public sealed record SqueezeExcite(int Reduction) : Layer;

/// <summary>
/// y = body(x) + shortcut(x). The shortcut is the identity when the body keeps the shape, otherwise a 1×1
/// convolution whose stride matches the body's spatial reduction (the "projection" of ResNet).
/// </summary>
public sealed record Residual(IReadOnlyList<Layer> Body) : Layer;

/// <summary>[N,C,H,W] → [N,C·H·W].</summary>
public sealed record Flatten : Layer;

/// <summary>Fully connected layer on flat input.</summary>
public sealed record Dense(int Out, bool Bias = true) : Layer;

/// <summary>Dropout with drop probability <paramref name="P"/> (elementwise; identity at evaluation).</summary>
public sealed record Dropout(double P) : Layer;
