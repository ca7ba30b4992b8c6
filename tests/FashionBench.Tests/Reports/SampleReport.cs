using FashionBench.Reports.Charts;
using FashionBench.Reports.Layout;
using SkiaSharp;

namespace FashionBench.Tests.Reports;

/// <summary>A report using every block type and every chart recipe, filled with fixed synthetic data (seed 42).</summary>
internal static class SampleReport
{
    public const int TableRows = 120;
    public const string TableFirstHeader = "Run identifier";
    public static readonly string[] Sections = ["Provenance of this run", "Per-run accuracy table", "Charts from synthetic data"];
    public static readonly string[] SubSections = ["Machine and versions", "Training curves", "Confusion matrix", "Inference throughput", "Misclassified images", "Filters and activations", "Documented against measured"];
    /// <summary>A value with no spaces, wider than a line: it must be cut between characters.</summary>
    public static readonly string LongPath = "/cache/fashionbench/" + string.Join("/", Enumerable.Repeat("deeply-nested-folder", 8)) + "/train-images-idx3-ubyte.gz";
    public static readonly DateTimeOffset Created = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly string[] Classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public static ReportDocument Build()
    {
        var random = new Random(42);
        var doc = new ReportDocument("FashionBench synthetic report", Created, author: "FashionBench tests");
        doc.Add(new TitleBlock("FashionBench synthetic report", "Layout and chart test with fixed synthetic data"))
            .Add(new TableOfContentsBlock())
            .Add(new PageBreakBlock())
            .Add(new HeadingBlock(Sections[0]))
            .Add(new ParagraphBlock([
                new TextRun("This paragraph checks word wrapping over several lines of body text. "),
                new TextRun("Bold runs sit inside ordinary text", Bold: true),
                new TextRun(" and the wrapping must keep every word inside the page margins, whatever the mix of weights. "
                            + string.Join(" ", Enumerable.Repeat("Filler words make the paragraph long enough to wrap.", 6))),
            ]))
            .Add(new ParagraphBlock("A whole paragraph can be bold as well.", bold: true))
            .Add(new HeadingBlock(SubSections[0], 2))
            .Add(new KeyValueBlock([
                new("machine", "synthetic-host (16 cores, 128 GiB)"),
                new("versions", ".NET 10.0, TorchSharp 0.107.0, SkiaSharp 3.119.4, ScottPlot 5.1.59"),
                new("commit", new string('f', 40) + new string('0', 40)),
                new("seed", "42"),
                new("data", LongPath),
            ]))
            .Add(new PageBreakBlock())
            .Add(new HeadingBlock(Sections[1]))
            .Add(Table(random))
            .Add(new PageBreakBlock())
            .Add(new HeadingBlock(Sections[2]));
        foreach (var (heading, height, chart) in Charts(random))
            doc.Add(new HeadingBlock(heading, 3)).Add(new FigureBlock(height, chart.Draw, $"{heading} (synthetic data)."));
        return doc;
    }

    private static TableBlock Table(Random random)
    {
        var rows = Enumerable.Range(1, TableRows).Select(i =>
        {
            var accuracy = 88 + random.NextDouble() * 5;
            var pass = accuracy >= 90;
            return (IReadOnlyList<TableCell>)[
                $"row {i:000}", "fashion-cnn", accuracy.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                new TableCell(pass ? "pass" : "below", Bold: true, Fill: pass ? new SKColor(0xDF, 0xF2, 0xE1) : new SKColor(0xFB, 0xE3, 0xE1)),
            ];
        }).ToList();
        return new TableBlock([TableFirstHeader, "Model", "Accuracy (%)", "Verdict"], rows, [2, 3, 1.5f, 1.2f],
            [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Center], "Synthetic runs.");
    }

    /// <summary>One of each chart recipe on synthetic data drawn from <paramref name="random"/>.</summary>
    public static IEnumerable<(string Heading, float Height, IChartRecipe Chart)> Charts(Random random)
    {
        var epochs = Enumerable.Range(1, 30).Select(e => (double)e).ToArray();
        double Noise() => (random.NextDouble() - 0.5) * 0.02;
        yield return (SubSections[1], 190, new TrainingCurves(epochs,
            epochs.Select(e => 0.3 + Math.Exp(-e / 6) + Noise()).ToArray(),
            epochs.Select(e => 0.35 + Math.Exp(-e / 7) + Noise()).ToArray(),
            epochs.Select(e => 95 - 20 * Math.Exp(-e / 5)).ToArray(),
            epochs.Select(e => 92 - 20 * Math.Exp(-e / 6)).ToArray(),
            epochs.Select(e => 0.001 * (1 + Math.Cos(Math.PI * e / 30)) / 2).ToArray()));

        var counts = new int[10, 10];
        for (var t = 0; t < 10; t++)
            for (var p = 0; p < 10; p++)
                counts[t, p] = t == p ? 850 + random.Next(140) : random.Next(4) == 0 ? random.Next(60) : 0;
        yield return (SubSections[2], 300, new ConfusionHeatmap(counts, Classes));

        var ips = new double[,] { { 900, 21000, 48000 }, { 4000, 160000, 900000 }, { 2500, 30000, 52000 } };
        yield return (SubSections[3], 190, new ThroughputBars(["TorchSharp CPU", "TorchSharp CUDA", "ONNX Runtime CPU"], [1, 32, 256], ips, logScale: true));

        var images = Enumerable.Range(0, 16).Select(i => Digit(i)).ToArray();
        var captions = images.Select((_, i) => $"true {Classes[i % 10]}\npred {Classes[(i + 3) % 10]} 0.{62 + i}").ToArray();
        yield return (SubSections[4], 170, new ImageGrid(images, captions));

        float[][][] Maps(int count, int side, Func<int, int, int, float> value) =>
            Enumerable.Range(0, count).Select(k => Enumerable.Range(0, side).Select(y => Enumerable.Range(0, side).Select(x => value(k, y, x)).ToArray()).ToArray()).ToArray();
        var filters = Maps(16, 3, (_, _, _) => (float)(random.NextDouble() * 2 - 1));
        var activations = Maps(8, 26, (k, y, x) => MathF.Sin((x + k) / 3f) * MathF.Cos(y / (2f + k)));
        yield return (SubSections[5], 150, new FilterGrid(filters, activations));

        yield return (SubSections[6], 170, new BarComparison(
            ["mlp-baseline", "fashion-cnn", "fashion-cnn-bn", "resnet-lite", "se-net-small"],
            [88.9, 91.2, 92.4, double.NaN, 93.1], [88.4, 91.5, 92.0, 93.6, 92.2], "test accuracy (%)", [0.5, 0.4, 0.6, 0.3, 0.5]));
    }

    /// <summary>A 28×28 ring whose radius depends on <paramref name="i"/>, bright (255) on a 0 background like MNIST.</summary>
    private static byte[] Digit(int i)
    {
        var pixels = new byte[28 * 28];
        for (var y = 0; y < 28; y++)
            for (var x = 0; x < 28; x++)
            {
                var r = Math.Sqrt((x - 13.5) * (x - 13.5) + (y - 13.5) * (y - 13.5));
                pixels[y * 28 + x] = (byte)Math.Clamp(255 - 90 * Math.Abs(r - (5 + i % 7)), 0, 255);
            }
        return pixels;
    }
}
