namespace FashionBench.Reports.Layout;

/// <summary>A two-column list of bold keys and wrapped values (provenance: machine, versions, commit, seed...).</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValuePair<string, string>> Items) : Block;
