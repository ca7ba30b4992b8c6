using FashionBench.Models;
using FashionBench.Reports.Layout;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// A model's hyper-parameters, one row per value of its training recipe: what was used, and whether the write-up
/// documents it or it was chosen (the <see cref="Choice"/> that decides it, with its reason; a probe's own change).
/// </summary>
internal static class RecipeTable
{
    /// <param name="sameAs">The write-up's first model, already shown in full: only the values that differ from its are listed.</param>
    /// <returns>The table, or null when nothing differs from <paramref name="sameAs"/>.</returns>
    public static TableBlock? Of(ModelSpec spec, int epochsRun, ModelSpec? sameAs = null)
    {
        var original = spec.ProbeOf is { } of ? ModelCatalog.Find(of) : null;
        var before = original is null ? null : Rows(original.Recipe, epochsRun).ToDictionary(row => row.Field, row => row.Used);
        var shown = sameAs is null ? null : Rows(sameAs.Recipe, epochsRun).ToDictionary(row => row.Field, row => (row.Used, Source(sameAs, row.Field, row.Used).Text));
        var rows = Rows(spec.Recipe, epochsRun)
            .Select(row => (row.Name, row.Used, Source: before is not null && before[row.Field] != row.Used
                ? new TableCell($"probe: {spec.ProbeChange}", Bold: true) : Source(spec, row.Field, row.Used), row.Field))
            .Where(row => shown is null || shown[row.Field] != (row.Used, row.Source.Text))
            .Select(row => (IReadOnlyList<TableCell>)[row.Name, row.Used, row.Source]).ToList();
        if (rows.Count == 0) return null;
        return new TableBlock(["Hyper-parameter", "Used", "Source"], rows,
            [1.1f, 2.2f, 2.7f], [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Left],
            sameAs is null
                ? $"The hyper-parameters {spec.Id} was trained with: documented by the write-up, or chosen where it was silent (with the reason)."
                : $"The hyper-parameters of {spec.Id} that differ from {sameAs.Id}'s (the rest are as listed there).");
    }

    private static (RecipeField Field, string Name, string Used)[] Rows(TrainingRecipe r, int epochsRun) =>
        [
            (RecipeField.Optimizer, "optimiser", r.Optimizer.Kind == OptimizerKind.Adam ? "Adam (β 0.9, 0.999)"
                : Fmt.Invariant($"SGD, momentum {r.Optimizer.Momentum}{(r.Optimizer.Nesterov ? ", Nesterov" : "")}") + (r.Optimizer.WeightDecay > 0 ? Fmt.Invariant($", weight decay {r.Optimizer.WeightDecay:G}") : "")),
            (RecipeField.LearningRate, "learning rate", Fmt.Invariant($"{r.Optimizer.LearningRate:G}")),
            (RecipeField.Schedule, "schedule", Schedule(r.Schedule)),
            (RecipeField.BatchSize, "batch size", Fmt.Count(r.BatchSize)),
            (RecipeField.Epochs, "epochs", Fmt.Invariant($"{r.Epochs} planned, {epochsRun} run")),
            (RecipeField.Augmentation, "augmentation", Augmentation(r.Augmentation)),
            (RecipeField.Normalization, "normalisation", r.Normalization.Mean is null ? "the dataset's mean and std"
                : r.Normalization == NormalizationSpec.None ? "pixels / 255 only" : Fmt.Invariant($"(x − {r.Normalization.Mean}) / {r.Normalization.Std}")),
            (RecipeField.Validation, "validation", r.ValidationFraction > 0 ? Fmt.Invariant($"{r.ValidationFraction:P0} of the training set held out") : "the test set"),
            (RecipeField.EarlyStopping, "early stopping", r.EarlyStopping is { } es
                ? Fmt.Invariant($"patience {es.Patience} on validation loss, {(es.RestoreBest ? "best weights restored" : "last weights kept")}") : "none"),
            (RecipeField.L2, "L2 penalty", r.L2 is { } l2 ? Fmt.Invariant($"λ = {l2.Lambda:G} on Dense weights") : "none"),
        ];

    /// <summary>
    /// "chosen (what): why" from the choice that decides the value; else "documented", or, for an absent value (no
    /// schedule, augmentation, early stopping or penalty), that the write-up describes none.
    /// </summary>
    private static TableCell Source(ModelSpec spec, RecipeField field, string used) =>
        spec.Choices.FirstOrDefault(c => c.Sets.HasFlag(field)) is { } choice ? $"chosen ({choice.What}): {choice.Reason}"
        : used is "none" or "constant" ? "the write-up describes none" : "documented";

    private static string Schedule(ScheduleSpec schedule) => schedule switch
    {
        StepLr s => Fmt.Invariant($"× {s.Gamma} every {s.StepEpochs} epochs"),
        ReduceOnPlateau p => Fmt.Invariant($"× {p.Factor} after {p.Patience} epochs without a lower validation loss"),
        OneCycle o => Fmt.Invariant($"one cycle to {o.MaxLr} (warm-up {o.PctStart:P0}, cosine), stepped per batch"),
        _ => "constant",
    };

    private static string Augmentation(AugmentationSpec a)
    {
        if (a.IsNone) return "none";
        var parts = new List<string>();
        if (a.RotationDegrees > 0) parts.Add(Fmt.Invariant($"rotation ±{a.RotationDegrees}°"));
        if (a.Translate > 0) parts.Add(Fmt.Invariant($"shift ±{a.Translate:P0}"));
        if (a.PadCrop > 0) parts.Add(Fmt.Invariant($"pad {a.PadCrop} and crop"));
        if (a.HorizontalFlip) parts.Add("horizontal flip");
        return string.Join(", ", parts);
    }
}
