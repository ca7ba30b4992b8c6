using FashionBench.Models.Building;

namespace FashionBench.Harness.Training;

/// <summary>
/// The trained model (best weights restored when early stopping asks for it; after a divergence, the last finite
/// weights), its per-epoch curve (complete epochs only) and whether training stayed finite.
/// </summary>
public sealed record TrainingOutcome(SpecModule Model, IReadOnlyList<EpochRecord> Curves, bool StoppedEarly, int BestEpoch,
    RunHealth Health);
