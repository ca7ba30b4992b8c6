namespace FashionBench.Reports.Layout;

/// <summary>One piece of a report's flow; the paginator places blocks top to bottom, page after page.</summary>
public abstract record Block;
