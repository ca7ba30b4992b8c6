using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// Square tiles in rows of <c>columns</c>, each centred in an equal share of the width (its pitch) with room for
/// caption lines under it, as large as the area allows. Used by the image and filter grids.
/// </summary>
internal static class TileGrid
{
    public const float Gap = 6;

    public static int Rows(int count, int columns) => (count + columns - 1) / columns;

    /// <summary>The largest tile side that fits <paramref name="rows"/> rows (each with its caption) and <paramref name="columns"/> columns.</summary>
    public static float Side(float width, float height, int columns, int rows, float captionHeight) =>
        Math.Max(1, Math.Min(width / columns - Gap, rows == 0 ? float.MaxValue : height / rows - captionHeight - Gap));

    /// <returns>The tiles, and the pitch: the width each tile's caption may use.</returns>
    public static (SKRect[] Tiles, float Pitch) Layout(SKRect area, int count, int columns, float captionHeight)
    {
        if (count == 0) return ([], area.Width);
        columns = Math.Clamp(columns, 1, count);
        var pitch = area.Width / columns;
        var side = Side(area.Width, area.Height, columns, Rows(count, columns), captionHeight);
        var tiles = new SKRect[count];
        for (var i = 0; i < count; i++)
        {
            var (row, column) = Math.DivRem(i, columns);
            tiles[i] = SKRect.Create(area.Left + column * pitch + (pitch - side) / 2, area.Top + row * (side + captionHeight + Gap), side, side);
        }
        return (tiles, pitch);
    }

    /// <summary>
    /// Draws a width × height grid of colours (row-major) scaled into <paramref name="rect"/> with nearest-neighbour
    /// sampling, so each data cell stays a crisp square.
    /// </summary>
    public static void DrawCells(SKCanvas canvas, SKRect rect, int width, int height, Func<int, SKColor> colorAt)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        bitmap.Pixels = Enumerable.Range(0, width * height).Select(colorAt).ToArray();
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, rect, new SKSamplingOptions(SKFilterMode.Nearest));
    }

    /// <summary>Caption lines centred under a tile, each cut with an ellipsis to <paramref name="width"/> (the tile's pitch).</summary>
    public static void DrawCaption(SKCanvas canvas, SKRect tile, float width, IEnumerable<string> lines, SKFont font, SKColor color)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var baseline = tile.Bottom + 2 - font.Metrics.Ascent;
        foreach (var line in lines)
        {
            canvas.DrawText(Fit(line, font, width - 2), tile.MidX, baseline, SKTextAlign.Center, font, paint);
            baseline += font.Size * 1.25f;
        }
    }

    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) return text;
        var length = text.Length;
        while (length > 1 && font.MeasureText(text[..length] + "…") > width) length--;
        return text[..length] + "…";
    }
}
