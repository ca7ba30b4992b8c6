using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports;

/// <summary>What a report run produced: the PDF, how it was laid out, the derived tables and the verdict tally.</summary>
public sealed record ReportOutcome(string PdfPath, ReportLayout Layout, ReportTables Tables, VerdictCounts Counts);
