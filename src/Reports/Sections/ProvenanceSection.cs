using FashionBench.Reports.Layout;
using FashionBench.Reports.Tables;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>Machine, versions, commit, commands, seeds and dataset hashes of the runs (provenance.csv).</summary>
internal static class ProvenanceSection
{
    public const string Heading = "Provenance";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        var rows = material.Tables.Provenance;
        doc.Add(new HeadingBlock(Heading));
        doc.Add(new ParagraphBlock("Recorded by each run when it was trained; a value that differs between runs lists each one."));
        doc.Add(new KeyValueBlock(rows.Where(r => !IsHash(r))
            .Select(r => new KeyValuePair<string, string>(r.Key, r.Value)).ToList()));
        var hashes = rows.Where(IsHash).ToList();
        if (hashes.Count > 0)
            doc.Add(new TableBlock(["Dataset file", "SHA-256 (as verified when the runs loaded it)"],
                hashes.Select(r => (IReadOnlyList<TableCell>)[r.Key[ProvenanceRow.HashPrefix.Length..], r.Value]).ToList(),
                [205, 278], [SKTextAlign.Left, SKTextAlign.Left], "Dataset files the runs used."));
    }

    private static bool IsHash(ProvenanceRow row) => row.Key.StartsWith(ProvenanceRow.HashPrefix, StringComparison.Ordinal);
}
