using static TorchSharp.torch;

namespace FashionBench.Harness.Training;

/// <summary>How one training run executes (not what it trains: that is the spec).</summary>
/// <param name="Epochs">Epochs to train (the recipe's, or the profile's override).</param>
/// <param name="CheckpointDir">Per-epoch checkpoints for resume; deleted by the caller once results are written.</param>
/// <param name="ConfigHash">Written into checkpoints; a checkpoint of another config is never resumed.</param>
public sealed record TrainerOptions(
    Device Device,
    long Seed,
    int Epochs,
    string CheckpointDir,
    string ConfigHash,
    IProgress<TrainingProgress>? Progress = null,
    CancellationToken Cancel = default);
