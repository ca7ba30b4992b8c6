namespace FashionBench.Harness.Training;

/// <summary>Everything besides tensors that a resumed run needs to continue exactly (checkpoint state.json).</summary>
public sealed record TrainerState(
    string ConfigHash,
    int CompletedEpochs,
    long Step,
    List<EpochRecord> Curves,
    PlateauState Plateau,
    double BestValidationLoss,
    int BestEpoch,
    bool Stopped,
    string ModelFile,
    string OptimizerFile,
    string? BestFile);
