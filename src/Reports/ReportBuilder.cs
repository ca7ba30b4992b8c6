using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Sections;
using FashionBench.Reports.Tables;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports;

/// <summary>
/// A profile's results folder → &lt;results&gt;/&lt;profile&gt;/report.pdf and the CSV files of every number it shows.
/// Reads records, derives tables, composes a <see cref="ReportDocument"/>, writes it; never trains or times anything.
/// </summary>
public sealed class ReportBuilder(ReportFonts fonts, ITestPixelSource pixels)
{
    /// <param name="store">A profile store with complete runs (see <see cref="ReportInputs.OpenStore"/>).</param>
    /// <param name="referenceRunsCsv">The committed reference runs.csv of this profile; it need not exist.</param>
    public ReportOutcome Write(RunStore store, string profile, string referenceRunsCsv, ReportContext context)
    {
        TrainingPipeline.WriteTables(store);                            // first the folder's tables, so they say what the pages show
        var inputs = ReportInputs.Load(store, profile, referenceRunsCsv);
        var tables = ReportTables.Build(inputs, context);
        tables.WriteCsv(store.ProfileDir);
        var images = ReportImages.Load(inputs, pixels);                 // everything is read before the first page is laid out
        var document = Compose(new ReportMaterial(inputs, tables, context, images));
        var path = Path.Combine(store.ProfileDir, RunStore.ReportFile);
        var layout = new PdfReportWriter(fonts).Write(document, path);
        return new ReportOutcome(path, layout, tables, VerdictCounts.Of(tables.DocumentedVerdicts));
    }

    private static ReportDocument Compose(ReportMaterial material)
    {
        var inputs = material.Inputs;
        var doc = new ReportDocument(TitleSection.Title(inputs.Profile), material.Context.Created, "FashionBench",
            "Documented against measured results of the write-ups' models");
        TitleSection.Add(doc, material);
        doc.Add(new PageBreakBlock()).Add(new TableOfContentsBlock());
        MethodSection.Add(doc, material);
        ProvenanceSection.Add(doc, material);
        // From here sections follow one another without page breaks: each starts with its heading, and the contents find it.
        SummarySection.Add(doc, material);
        CompareSection.Add(doc, material);
        foreach (var writeUp in ModelCatalog.WriteUps)
        {
            var runs = inputs.Representatives.Where(r => r.Spec?.WriteUp == writeUp.Number).ToList();
            if (runs.Count > 0) WriteUpSection.Add(doc, material, writeUp, runs);
        }
        InferenceSection.Add(doc, material);
        return doc;
    }
}
