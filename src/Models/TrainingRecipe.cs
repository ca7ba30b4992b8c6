using System.Text.Json.Serialization;

namespace FashionBench.Models;

public enum OptimizerKind { Adam, Sgd }

/// <summary>Optimiser: Adam (β 0.9/0.999, ε 1e-8) or SGD with momentum / Nesterov; decoupled from L2 below.</summary>
public sealed record OptimizerSpec(OptimizerKind Kind, double LearningRate, double Momentum = 0, bool Nesterov = false,
    double WeightDecay = 0);

/// <summary>Learning-rate schedule. Exactly one kind; all are stepped by the trainer (see Harness.Training.Schedule).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ConstantLr), "constant")]
[JsonDerivedType(typeof(StepLr), "step")]
[JsonDerivedType(typeof(ReduceOnPlateau), "plateau")]
[JsonDerivedType(typeof(OneCycle), "onecycle")]
public abstract record ScheduleSpec;

/// <summary>No schedule: the optimiser's learning rate throughout.</summary>
public sealed record ConstantLr : ScheduleSpec;

/// <summary>lr · gamma^⌊epoch / StepEpochs⌋ (PyTorch StepLR, stepped per epoch).</summary>
public sealed record StepLr(int StepEpochs, double Gamma) : ScheduleSpec;

/// <summary>Multiply lr by Factor after Patience epochs without validation-loss improvement (PyTorch ReduceLROnPlateau, mode min, threshold 1e-4 rel).</summary>
public sealed record ReduceOnPlateau(double Factor, int Patience, double MinLr = 0) : ScheduleSpec;

/// <summary>PyTorch OneCycleLR stepped per batch: cosine anneal, pct_start 0.3, div 25, final div 1e4, momentum cycled 0.85–0.95.</summary>
public sealed record OneCycle(double MaxLr, double PctStart = 0.3, double DivFactor = 25, double FinalDivFactor = 1e4,
    bool CycleMomentum = true) : ScheduleSpec;

/// <summary>
/// Random training-time augmentation, applied per batch on [0,1] images before normalisation.
/// Rotation in degrees (uniform ±), translation as a fraction of the side (uniform ±, continuous),
/// PadCrop as RandomCrop(28, padding=PadCrop) (integer shifts), horizontal flip with probability 0.5.
/// </summary>
public sealed record AugmentationSpec(double RotationDegrees = 0, double Translate = 0, int PadCrop = 0, bool HorizontalFlip = false)
{
    public static readonly AugmentationSpec None = new();
    [JsonIgnore] public bool IsNone => this == None;
}

/// <summary>Keras-style L2 penalty λ·Σw² added to the loss, on the weights of the Dense layers only.</summary>
public sealed record DenseL2(double Lambda);

/// <summary>Stop when validation loss has not improved for Patience epochs; restore the best weights.</summary>
public sealed record EarlyStoppingSpec(int Patience, bool RestoreBest = true);

/// <summary>Pixel normalisation after /255: (x − Mean) / Std. Null Mean/Std means the dataset's own statistics.</summary>
public sealed record NormalizationSpec(double? Mean = null, double? Std = null)
{
    public static readonly NormalizationSpec DatasetStatistics = new();
    public static readonly NormalizationSpec None = new(0, 1);

    /// <summary>The (mean, std) images are normalised with: the stated ones, else the dataset's own.</summary>
    public (double Mean, double Std) Resolve(double datasetMean, double datasetStd) => (Mean ?? datasetMean, Std ?? datasetStd);
}

/// <summary>
/// How a model is trained. ValidationFraction is held out of the training set (the last fraction of a
/// seed-independent fixed permutation); 0 means the write-up validated on the test set, which the trainer then does too.
/// </summary>
public sealed record TrainingRecipe(
    OptimizerSpec Optimizer,
    ScheduleSpec Schedule,
    int BatchSize,
    int Epochs,
    AugmentationSpec Augmentation,
    NormalizationSpec Normalization,
    double ValidationFraction,
    EarlyStoppingSpec? EarlyStopping = null,
    DenseL2? L2 = null);
