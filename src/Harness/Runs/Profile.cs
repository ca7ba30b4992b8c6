namespace FashionBench.Harness.Runs;

/// <summary>How much of the matrix to run: data limits, an epoch override, and whether extended-only models join.</summary>
public sealed record Profile(string Name, int? TrainLimit, int? TestLimit, int? Epochs, bool IncludeExtended, string Purpose)
{
    public static readonly IReadOnlyList<Profile> All =
    [
        new("smoke", 2_000, 1_000, 1, false, "2,000 train / 1,000 test images, 1 epoch: checks the pipeline end to end in minutes"),
        new("quick", null, null, 2, false, "full data, 2 epochs: the nightly regression"),
        new("documented", null, null, null, false, "the write-ups' own hyper-parameters and epochs"),
        new("extended", null, null, null, true, "documented, plus the remaining keras-cnn combinations"),
    ];

    public const string Default = "documented";

    public static Profile Get(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new UserError($"--profile: unknown profile '{name}' (known: {string.Join(", ", All.Select(p => p.Name))})");
}
