using SkiaSharp;

namespace FashionBench.Reports.Layout;

/// <summary>
/// The two typefaces every report uses: DejaVu Sans as Debian ships it (fonts-dejavu-core), embedded in the PDF.
/// Where a file is missing, Skia's default typeface is used and one notice says so.
/// </summary>
public sealed class ReportFonts : IDisposable
{
    public const string Family = "DejaVu Sans";
    public const string DejaVuSansPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DejaVuSansBoldPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private readonly bool ownsTypefaces;

    private ReportFonts(SKTypeface regular, SKTypeface bold, bool ownsTypefaces)
    {
        Regular = regular;
        Bold = bold;
        this.ownsTypefaces = ownsTypefaces;
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    /// <summary>Loads DejaVu Sans (regular and bold), or falls back to the default typeface and tells <paramref name="notice"/> once.</summary>
    public static ReportFonts Load(Action<string> notice, string regularPath = DejaVuSansPath, string boldPath = DejaVuSansBoldPath)
    {
        if (File.Exists(regularPath) && File.Exists(boldPath))
        {
            // Charts get their fonts from the system font manager by family name. Using the manager's instances of
            // the same family here too makes the PDF embed each font once (this SkiaSharp embeds fonts whole, ~0.4 MB).
            var installedRegular = Installed(SKFontStyle.Normal);
            var installedBold = Installed(SKFontStyle.Bold);
            if (installedRegular is not null && installedBold is not null) return new ReportFonts(installedRegular, installedBold, ownsTypefaces: false);

            var regular = SKTypeface.FromFile(regularPath);
            var bold = SKTypeface.FromFile(boldPath);
            if (regular is not null && bold is not null) return new ReportFonts(regular, bold, ownsTypefaces: true);
            regular?.Dispose();
            bold?.Dispose();
        }
        notice($"report fonts: {regularPath} or {boldPath} is missing or unreadable; using the default typeface "
               + $"'{SKTypeface.Default.FamilyName}' instead (install fonts-dejavu-core for the intended look)");
        return new ReportFonts(SKTypeface.Default, SKTypeface.FromFamilyName(SKTypeface.Default.FamilyName, SKFontStyle.Bold), ownsTypefaces: false);
    }

    private static SKTypeface? Installed(SKFontStyle style)
    {
        var typeface = SKFontManager.Default.MatchFamily(Family, style);
        return typeface?.FamilyName == Family && typeface.FontWeight == style.Weight ? typeface : null;
    }

    /// <summary>Releases typefaces loaded from files; the font manager's shared instances are left alone.</summary>
    public void Dispose()
    {
        if (!ownsTypefaces) return;
        Regular.Dispose();
        Bold.Dispose();
    }
}
