using System.IO.Enumeration;
using FashionBench.Models;

namespace FashionBench.Harness.Runs;

/// <summary>
/// How much of the matrix to run: data limits, an epoch override, and whether extended-only models join. A profile
/// with <see cref="Steps"/> gives every model the same number of optimiser steps instead of the same images, so a
/// model with a large batch (mnist-8k's 128) learns as far as one with a small batch (tinyvgg's 32); an override gives
/// a model that needs longer its own count.
/// </summary>
public sealed record Profile(string Name, int? TrainLimit, int? TestLimit, int? Epochs, bool IncludeExtended, string Purpose,
    int? Steps = null, IReadOnlyList<StepsOverride>? Overrides = null)
{
    public static readonly IReadOnlyList<Profile> All =
    [
        new("smoke", 2_000, 1_000, 1, false, "2,000 train / 1,000 test images, 1 epoch: checks the pipeline end to end in minutes"),
        new("ci", null, null, 1, false, "the CI gate, in which every model learns",
            Steps: 400,
            // Under its SGD at lr 0.1, tinyvgg/v3 sits at loss ln 10 for its first several hundred steps: at 400 no seed has started to learn.
            Overrides: [new("tinyvgg/v3", 1_875)]),
        new("quick", null, null, 2, false, "full data, 2 epochs: the nightly regression"),
        new("documented", null, null, null, false, "the write-ups' own hyper-parameters and epochs"),
        new("extended", null, null, null, true, "documented, plus the remaining keras-cnn combinations"),
    ];

    public const string Default = "documented";

    /// <summary>What the profile runs and what for; a steps profile's numbers come from its <see cref="Steps"/> and <see cref="Overrides"/>.</summary>
    public string Description => Steps is not { } steps ? Purpose :
        FormattableString.Invariant($"{Epochs} epoch(s) of {steps:N0} optimiser steps (the first {steps:N0} × batch-size training images, plus the recipe's validation share")
        + string.Concat((Overrides ?? []).Select(o => FormattableString.Invariant($"; {o.Models}: {o.Steps:N0} steps")))
        + $"), tested on the full test set: {Purpose}";

    /// <summary>The profile names as a `--profile` option describes them.</summary>
    public static string Names => string.Join(" | ", All.Select(p => p.Name));

    public static Profile Get(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new UserError($"--profile: unknown profile '{name}' (known: {Names})");

    /// <summary>
    /// The training images (before the validation hold-out) a run of the spec reads: the fixed limit, or enough for its
    /// optimiser steps in full batches after the recipe's validation share is held out. The dataset caps either.
    /// </summary>
    public int? TrainLimitFor(ModelSpec spec) =>
        StepsFor(spec) is { } steps ? (int)Math.Ceiling(steps * spec.Recipe.BatchSize / (1 - spec.Recipe.ValidationFraction)) : TrainLimit;

    /// <summary>The optimiser steps per epoch the spec gets (a probe as its model), or null without a steps rule.</summary>
    public int? StepsFor(ModelSpec spec) =>
        Overrides?.FirstOrDefault(o => FileSystemName.MatchesSimpleExpression(o.Models, spec.ProbeOf ?? spec.Id, ignoreCase: true))?.Steps ?? Steps;
}

/// <summary>Optimiser steps for the models a glob matches (a probe goes with its model), in place of the profile's.</summary>
public sealed record StepsOverride(string Models, int Steps);
