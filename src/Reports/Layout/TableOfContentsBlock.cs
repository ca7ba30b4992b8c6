namespace FashionBench.Reports.Layout;

/// <summary>
/// "Contents" followed by one line per heading of the document, with the page it lands on. Its size is known
/// before layout (one line per heading), so it can come before the headings it lists.
/// </summary>
public sealed record TableOfContentsBlock : Block;
