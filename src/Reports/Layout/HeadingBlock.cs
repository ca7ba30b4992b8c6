namespace FashionBench.Reports.Layout;

/// <summary>A section heading, level 1 (largest) to 3; every heading is listed in the table of contents.</summary>
public sealed record HeadingBlock : Block
{
    public HeadingBlock(string text, int level = 1)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException("heading text is empty", nameof(text));
        if (level is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(level), level, "heading level must be 1, 2 or 3");
        Text = text;
        Level = level;
    }

    public string Text { get; }
    public int Level { get; }
}
