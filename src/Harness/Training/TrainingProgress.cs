namespace FashionBench.Harness.Training;

/// <summary>Live progress for the display: where the run is and how fast it goes. Never written to results.</summary>
public sealed record TrainingProgress(int Epoch, int Epochs, long Batch, long Batches, double Loss, double ImagesPerSecond);
