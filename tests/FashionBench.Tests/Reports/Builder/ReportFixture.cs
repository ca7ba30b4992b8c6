using FashionBench.Harness.Runs;
using FashionBench.Reports;
using FashionBench.Reports.Inputs;
using FashionBench.Reports.Layout;
using UglyToad.PdfPig;

namespace FashionBench.Tests.Reports.Builder;

/// <summary>A synthetic results folder rendered once by <see cref="ReportBuilder"/>, with the PDF's text read back.</summary>
sealed class ReportFixture : IDisposable
{
    public static readonly DateTimeOffset Created = new(2025, 6, 7, 8, 9, 10, TimeSpan.Zero);

    /// <summary>/proc/cpuinfo of a 2-core, 2.5 GHz machine.</summary>
    public const string CpuInfo = "processor\t: 0\nmodel name\t: Test CPU\ncpu MHz\t\t: 2500.000\nphysical id\t: 0\ncore id\t\t: 0\nflags\t\t: fpu sse avx2 fma\n\n"
                                  + "processor\t: 1\nmodel name\t: Test CPU\ncpu MHz\t\t: 2500.000\nphysical id\t: 0\ncore id\t\t: 1\nflags\t\t: fpu sse avx2 fma\n";

    public string Root { get; } = Directory.CreateTempSubdirectory("fb-report-builder-").FullName;
    public RunStore Store { get; }
    public SyntheticTestPixels Pixels { get; } = new();
    public ReportOutcome Outcome { get; }
    public string ReferenceCsv { get; }

    /// <summary>Text lines of each page (index 0 is page 1), as <see cref="PdfText.Lines"/> reads them.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Pages { get; }

    /// <param name="prepare">Writes extra files (reference, statistics) once the results exist.</param>
    public ReportFixture(Profile profile, IEnumerable<SyntheticRun> runs, bool withBenchFiles, Action<ReportFixture>? prepare = null)
    {
        Store = SyntheticResults.Write(Path.Combine(Root, "results"), profile, runs, withBenchFiles);
        ReferenceCsv = Path.Combine(Root, "reference", profile.Name, "runs.csv");
        prepare?.Invoke(this);
        using var fonts = ReportFonts.Load(_ => { });
        var context = new ReportContext(Created, "fashionbench report --profile " + profile.Name, CpuInfo);
        Outcome = new ReportBuilder(fonts, Pixels).Write(Store, profile.Name, ReferenceCsv, context);
        using var pdf = PdfDocument.Open(Outcome.PdfPath);
        Pages = pdf.GetPages().Select(PdfText.Lines).ToList();
    }

    /// <summary>The 1-based pages whose lines include one equal to <paramref name="line"/>.</summary>
    public IEnumerable<int> PagesWithLine(string line) =>
        Enumerable.Range(1, Pages.Count).Where(p => Pages[p - 1].Contains(line));

    public string AllText => string.Join("\n", Pages.SelectMany(p => p));

    /// <summary>Every word of the report in reading order, one space apart, so a sentence matches wherever lines broke it.</summary>
    public string Words => string.Join(" ", AllText.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
