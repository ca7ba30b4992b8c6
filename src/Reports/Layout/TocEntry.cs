namespace FashionBench.Reports.Layout;

/// <summary>A heading as the table of contents lists it; <paramref name="PageNumber"/> is 1-based.</summary>
public sealed record TocEntry(string Text, int Level, int PageNumber);
