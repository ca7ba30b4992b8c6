namespace FashionBench.Harness.Data;

/// <summary>All files of one dataset, verified and in the cache.</summary>
public sealed record AcquiredDataset(DatasetInfo Info, IReadOnlyList<AcquiredFile> Files)
{
    /// <summary>Cache path of <paramref name="fileName"/> (e.g. <see cref="DatasetInfo.TrainImages"/>).</summary>
    public string PathOf(string fileName) =>
        Files.FirstOrDefault(f => f.File.Name == fileName)?.Path
        ?? throw new UserError($"{Info.Name}/{fileName}: not acquired (have: {string.Join(", ", Files.Select(f => f.File.Name))})");
}
