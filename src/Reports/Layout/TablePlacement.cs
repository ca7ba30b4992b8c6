namespace FashionBench.Reports.Layout;

/// <summary>
/// A table's number (0 when it has no caption, which alone gives it a number), the 1-based pages it spans (its header row is repeated on each), how many body rows its first page holds,
/// and how many words of its cells had to be cut between characters (words wider than a column may be, such as paths).
/// </summary>
public sealed record TablePlacement(int Number, IReadOnlyList<string> Headers, int FirstPage, int LastPage, int Rows = 0, int RowsOnFirstPage = 0, int CutWords = 0);
