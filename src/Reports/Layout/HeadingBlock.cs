namespace FashionBench.Reports.Layout;

/// <summary>
/// A section heading, level 1 (largest) to 3, listed in the table of contents unless <paramref name="inContents"/> is
/// false (a sub-heading every write-up repeats, such as "Errors side by side").
/// </summary>
public sealed record HeadingBlock : Block
{
    public HeadingBlock(string text, int level = 1, bool inContents = true)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("heading text is empty", nameof(text));
        if (level is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(level), level, "heading level must be 1, 2 or 3");
        Text = text;
        Level = level;
        InContents = inContents;
    }

    public bool InContents { get; }

    public string Text { get; }
    public int Level { get; }
}
