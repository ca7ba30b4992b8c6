namespace FashionBench.Reports.Layout;

/// <summary>
/// The 1-based pages a table spans (its header row is repeated on each), how many body rows its first page holds,
/// and how many words of its cells had to be cut between characters (words wider than a column may be, such as paths).
/// </summary>
public sealed record TablePlacement(int Number, IReadOnlyList<string> Headers, int FirstPage, int LastPage, int Rows = 0, int RowsOnFirstPage = 0, int CutWords = 0);
