using System.Diagnostics;
using NUnit.Framework;
using SkiaSharp;

namespace FashionBench.Tests.Reports;

/// <summary>Rasterises PDF pages with poppler's pdftoppm and measures how much of an area is not white.</summary>
internal static class PageRaster
{
    private const string Pdftoppm = "pdftoppm";

    /// <summary>Ignores the calling test when pdftoppm is not installed (poppler-utils).</summary>
    public static void RequirePdftoppm()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, Pdftoppm)));
        if (!found) Assert.Ignore("pdftoppm (poppler-utils) is not on PATH; cannot rasterise PDF pages to check charts are drawn");
    }

    /// <summary>Page <paramref name="pageNumber"/> (1-based) as a bitmap at <paramref name="dpi"/>.</summary>
    public static SKBitmap Render(string pdf, int pageNumber, int dpi, string outputPrefix)
    {
        var start = new ProcessStartInfo(Pdftoppm) { RedirectStandardError = true };
        foreach (var arg in new[] { "-png", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-f", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-l", pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, outputPrefix })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"pdftoppm failed: {errors}");
        return SKBitmap.Decode(outputPrefix + ".png");
    }

    /// <summary>Fraction of pixels inside <paramref name="points"/> (page points) with any channel below 235.</summary>
    public static double InkFraction(SKBitmap page, SKRect points, int dpi)
    {
        var scale = dpi / 72f;
        var left = (int)(points.Left * scale);
        var top = (int)(points.Top * scale);
        var right = Math.Min(page.Width, (int)(points.Right * scale));
        var bottom = Math.Min(page.Height, (int)(points.Bottom * scale));
        var ink = 0;
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++)
            {
                var c = page.GetPixel(x, y);
                if (Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < 235) ink++;
            }
        return (double)ink / Math.Max(1, (right - left) * (bottom - top));
    }
}
