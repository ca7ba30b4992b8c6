using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>The report's type scale and colours, built once per render from the loaded fonts.</summary>
internal sealed class ReportStyles : IDisposable
{
    public static readonly SKColor Ink = new(0x1F, 0x23, 0x28);
    public static readonly SKColor Muted = new(0x5F, 0x66, 0x70);
    public static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Rule = new(0xC8, 0xCE, 0xD6);
    public static readonly SKColor HeaderFill = new(0xE4, 0xE9, 0xF0);
    public static readonly SKColor StripeFill = new(0xF6, 0xF8, 0xFA);

    private readonly List<TextStyle> all = [];

    public ReportStyles(ReportFonts fonts)
    {
        TextStyle Make(SKTypeface typeface, float size, SKColor color)
        {
            var style = new TextStyle(typeface, size, color);
            all.Add(style);
            return style;
        }

        Title = Make(fonts.Bold, 22, Accent);
        Subtitle = Make(fonts.Regular, 11, Muted);
        Headings = [Make(fonts.Bold, 15, Accent), Make(fonts.Bold, 12.5f, Accent), Make(fonts.Bold, 10.5f, Ink)];
        Body = Make(fonts.Regular, 9.5f, Ink);
        BodyBold = Make(fonts.Bold, 9.5f, Ink);
        Cell = Make(fonts.Regular, 8.5f, Ink);
        CellBold = Make(fonts.Bold, 8.5f, Ink);
        Caption = Make(fonts.Regular, 8.5f, Muted);
        CaptionLabel = Make(fonts.Bold, 8.5f, Muted);
        Footer = Make(fonts.Regular, 8, Muted);
    }

    public TextStyle Title { get; }
    public TextStyle Subtitle { get; }

    /// <summary>Index 0 is level 1.</summary>
    public IReadOnlyList<TextStyle> Headings { get; }
    public TextStyle Body { get; }
    public TextStyle BodyBold { get; }
    public TextStyle Cell { get; }
    public TextStyle CellBold { get; }
    public TextStyle Caption { get; }
    public TextStyle CaptionLabel { get; }
    public TextStyle Footer { get; }

    public TextStyle Heading(int level) => Headings[level - 1];

    public void Dispose()
    {
        foreach (var style in all) style.Dispose();
    }
}
