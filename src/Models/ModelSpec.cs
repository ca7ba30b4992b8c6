namespace FashionBench.Models;

/// <summary>
/// A decision the write-up left open, what was chosen and why (listed in the report). <paramref name="Sets"/> names the
/// training-recipe values it decides, so the report's hyper-parameter table can say which values were chosen.
/// </summary>
public sealed record Choice(string What, string Chosen, string Reason, RecipeField Sets = RecipeField.None);

/// <summary>The values of a <see cref="TrainingRecipe"/>, as flags: which a <see cref="Choice"/> decides.</summary>
[Flags]
public enum RecipeField
{
    None = 0,
    Optimizer = 1, LearningRate = 2, Schedule = 4, BatchSize = 8, Epochs = 16,
    Augmentation = 32, Normalization = 64, Validation = 128, EarlyStopping = 256, L2 = 512,
}

/// <summary>
/// Where the write-up contradicts itself (its own numbers, or a number against its own layer list). <paramref name="Claim"/>
/// names the claim it makes impossible (a <see cref="ClaimName"/>), which is then reported as "contradicted by the write-up"
/// rather than judged; null for a contradiction that touches no claim.
/// </summary>
public sealed record Contradiction(string Note, string? Claim = null);

/// <summary>A documented model: everything needed to build, train and judge it, and where it comes from.</summary>
/// <param name="Id">Stable catalogue id, e.g. "fashion-cnn/aug-dropout"; used in file names (with '/' → '_').</param>
/// <param name="Dataset">"fashion-mnist" or "mnist".</param>
/// <param name="Source">The write-up file and section, e.g. "002 — Main CNN Architecture".</param>
/// <param name="Baseline">For an ablation, the id it is compared with (McNemar, report grouping); null otherwise.</param>
/// <param name="Extended">True when only the `extended` profile trains it.</param>
public sealed record ModelSpec(
    string Id,
    string Dataset,
    string Title,
    string Source,
    IReadOnlyList<Layer> Layers,
    TrainingRecipe Recipe,
    DocumentedResults Documented,
    IReadOnlyList<Choice> Choices,
    IReadOnlyList<Contradiction> Contradictions,
    string? Baseline = null,
    bool Extended = false)
{
    /// <summary>The number of the <see cref="Models.WriteUp"/> that documents it, "000" … "004"; stamped by the write-up.</summary>
    public string WriteUp { get; init; } = "";

    /// <summary>
    /// For a probe, the catalogued model whose claims it probes: the same write-up, claims and recipe but for one choice
    /// the write-up left open (<see cref="ProbeChange"/>). Probes are in no profile's default matrix; they train when
    /// named (`--models 'se-resnet+*'`). Null for a documented model.
    /// </summary>
    public string? ProbeOf { get; init; }
    public string ProbeChange { get; init; } = "";
    public bool IsProbe => ProbeOf is not null;

    /// <summary>
    /// A probe of this model: id "&lt;id&gt;+&lt;suffix&gt;", its claims and write-up, with <paramref name="change"/> said
    /// in words and made by <paramref name="edit"/>.
    /// </summary>
    public ModelSpec Probe(string suffix, string change, Func<ModelSpec, ModelSpec> edit) =>
        edit(this) with { Id = $"{Id}+{suffix}", Title = $"{Title}, probe: {change}", ProbeOf = Id, ProbeChange = change, Baseline = Id };
    public string FileName => Id.Replace('/', '_');
}
