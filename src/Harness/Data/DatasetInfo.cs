namespace FashionBench.Harness.Data;

/// <summary>
/// A dataset: its four IDX files, class names, the mean/std of its training pixels (after /255) used for
/// normalisation, and the base URLs of its official HTTP mirrors (a file's URL is base + file name).
/// </summary>
public sealed record DatasetInfo(
    string Name,
    IReadOnlyList<string> ClassNames,
    float Mean,
    float Std,
    IReadOnlyList<DatasetFile> Files,
    IReadOnlyList<Uri> HttpMirrors)
{
    public const string TrainImages = "train-images-idx3-ubyte.gz";
    public const string TrainLabels = "train-labels-idx1-ubyte.gz";
    public const string TestImages = "t10k-images-idx3-ubyte.gz";
    public const string TestLabels = "t10k-labels-idx1-ubyte.gz";

    /// <summary>The catalogue entry for <paramref name="fileName"/>; throws naming it if the dataset has no such file.</summary>
    public DatasetFile File(string fileName) =>
        Files.FirstOrDefault(f => f.Name == fileName)
        ?? throw new UserError($"{Name}/{fileName}: not a file of this dataset (files: {string.Join(", ", Files.Select(f => f.Name))})");
}
