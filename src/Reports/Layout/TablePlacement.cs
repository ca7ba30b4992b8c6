namespace FashionBench.Reports.Layout;

/// <summary>The 1-based pages a table spans; its header row is repeated on each of them.</summary>
public sealed record TablePlacement(int Number, IReadOnlyList<string> Headers, int FirstPage, int LastPage);
