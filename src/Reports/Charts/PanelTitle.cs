using SkiaSharp;

namespace FashionBench.Reports.Charts;

/// <summary>
/// The name over one panel of small multiples (a model id), bold and centred, set smaller where a long id would not fit
/// the panel's width: never cut, never running into the next panel.
/// </summary>
public static class PanelTitle
{
    public const float FontSize = 8;
    public const float Height = FontSize + 3;

    public static void Draw(SKCanvas canvas, string text, float left, float top, float width)
    {
        using var font = ChartFonts.Create(FontSize, bold: true);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        font.Size = Math.Min(FontSize, FontSize * (width - 4) / font.MeasureText(text));
        canvas.DrawText(text, left + width / 2, top + FontSize, SKTextAlign.Center, font, paint);
    }
}
