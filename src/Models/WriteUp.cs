namespace FashionBench.Models;

/// <summary>
/// A published write-up (`../shared/seeds/`): its number and file, a title, the models it documents (each stamped
/// with the write-up's number), and whether its report section shows the first model's first-layer filters. The
/// catalogue is a list of write-ups (<see cref="ModelCatalog.WriteUps"/>): adding one is one file and one line.
/// </summary>
public sealed record WriteUp(string Number, string File, string Title, IReadOnlyList<ModelSpec> Specs, bool ShowsFilters)
{
    public static WriteUp Of(string number, string file, string title, IEnumerable<ModelSpec> specs, bool showsFilters = false) =>
        new(number, file, title, specs.Select(s => s with { WriteUp = number }).ToList(), showsFilters);

    /// <summary>"fashion-cnn", "keras-cnn": the families of its models' ids, in catalogue order.</summary>
    public IReadOnlyList<string> Families => Specs.Select(s => s.Id.Split('/')[0]).Distinct().ToList();
}
