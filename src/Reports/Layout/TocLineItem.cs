using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// One table-of-contents line. The heading's page is unknown during layout, so the dotted leader and the page
/// number are drawn in the render pass from <see cref="PageContext.Headings"/>.
/// </summary>
internal sealed record TocLineItem(int HeadingIndex, TextLine Line, float Left, float Top, float Right, TextStyle NumberStyle) : IPageItem
{
    public void Draw(SKCanvas canvas, PageContext context)
    {
        TextLineItem.Draw(canvas, Line, Left, Top);
        var number = context.Headings[HeadingIndex].PageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var baseline = Top + Line.BaselineOffset;
        using var paint = new SKPaint { IsAntialias = true, Color = NumberStyle.Color };
        canvas.DrawText(number, Right, baseline, SKTextAlign.Right, NumberStyle.Font, paint);

        var dotsFrom = Left + Line.Width + 6;
        var dotsTo = Right - NumberStyle.Measure(number) - 6;
        paint.Color = ReportStyles.Rule;
        paint.StrokeWidth = 0.8f;
        paint.StrokeCap = SKStrokeCap.Round;
        for (var x = dotsTo; x > dotsFrom; x -= 3.5f) canvas.DrawPoint(x, baseline, paint);

        canvas.DrawLinkDestinationAnnotation(new SKRect(Left, Top, Right, Top + Line.Height), AnchorItem.ForHeading(HeadingIndex));
    }
}
