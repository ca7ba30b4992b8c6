using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Small grayscale images (28×28 bytes, row-major, 0 = background) drawn dark-on-light for print, each with a
/// caption under it, e.g. "true Shirt\npred T-shirt 0.62" ("\n" separates caption lines).
/// </summary>
public sealed class ImageGrid : IChartRecipe
{
    public const float CaptionFontSize = 6f;

    private readonly IReadOnlyList<byte[]> images;
    private readonly IReadOnlyList<string> captions;
    private readonly int columns, side;

    public ImageGrid(IReadOnlyList<byte[]> images, IReadOnlyList<string> captions, int columns = 8, int side = 28)
    {
        ChartData.RequireLength(captions, images.Count, nameof(captions));
        var wrong = images.Select((img, i) => (img, i)).FirstOrDefault(x => x.img.Length != side * side);
        if (wrong.img is not null)
            throw new ArgumentException($"image {wrong.i} has {wrong.img.Length} bytes, expected {side}×{side}", nameof(images));
        (this.images, this.captions, this.columns, this.side) = (images, captions, columns, side);
    }

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        using var font = ChartFonts.Create(CaptionFontSize);
        var captionLines = captions.Select(c => c.Split('\n')).ToArray();
        var captionHeight = captionLines.Select(l => l.Length).DefaultIfEmpty(0).Max() * CaptionFontSize * 1.25f + 3;
        var (tiles, pitch) = TileGrid.Layout(rect, images.Count, columns, captionHeight);
        for (var i = 0; i < tiles.Length; i++)
        {
            var pixels = images[i];
            TileGrid.DrawCells(canvas, tiles[i], side, side, p => Gray((byte)(255 - pixels[p])));
            TileGrid.DrawCaption(canvas, tiles[i], pitch, captionLines[i], font, SKColors.Black);
        }
    }

    private static SKColor Gray(byte level) => new(level, level, level);
}
