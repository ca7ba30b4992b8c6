using FashionBench.Models.Building;

namespace FashionBench.Harness.Training;

/// <summary>The trained model (best weights restored when early stopping asks for it) and its per-epoch curve.</summary>
public sealed record TrainingOutcome(SpecModule Model, IReadOnlyList<EpochRecord> Curves, bool StoppedEarly, int BestEpoch, int ResumedAfterEpoch);
