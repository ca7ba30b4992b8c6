using System.Globalization;
using FashionBench.Reports.Verdicts;

namespace FashionBench.Reports.Sections;

/// <summary>How numbers read in the report (invariant culture): accuracies in percent with two decimals, F1 with four.</summary>
internal static class Fmt
{
    public const string None = "—";
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>A fraction as percent without the sign: 0.9094 → "90.94".</summary>
    public static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.00", C) : None;

    /// <summary>Percentage points with a sign: "+0.31", "-2.40".</summary>
    public static string Pp(double? pp) => pp is { } v ? v.ToString("+0.00;-0.00;0.00", C) : None;

    public static string Score(double? score) => score is { } s ? s.ToString("0.0000", C) : None;

    public static string Count(long n) => n.ToString("N0", C);

    public static string Seconds(double? seconds) => seconds is { } s ? s.ToString(s < 100 ? "0.00" : "0.0", C) : None;

    public static string Number(double value, string format) => value.ToString(format, C);

    public static string Invariant(FormattableString text) => text.ToString(C);

    /// <summary>
    /// A model id for a table cell: ids longer than a model column holds at 8.5 pt (about 24 characters) break after
    /// the family ("keras-cnn/\nleakyrelu-strided-adam"), since table text otherwise breaks only at spaces or mid-word.
    /// </summary>
    public static string Model(string id) => id.Length > 24 && id.IndexOf('/') is > 0 and var slash ? id.Insert(slash + 1, "\n") : id;

    /// <summary>A claim's value with its unit and qualifier: "90.94 %", ">90.00 %", "~310,000", "<1,000,000", "0.8980", "180.0 s".</summary>
    public static string Claim(ClaimUnit unit, double? value, string qualifier = "")
    {
        if (value is not { } v || double.IsNaN(v)) return None;
        var text = unit switch
        {
            ClaimUnit.Accuracy => Percent(v) + " %",
            ClaimUnit.Count => Count((long)v),
            ClaimUnit.Seconds => Seconds(v) + " s",
            _ => Score(v),
        };
        return qualifier + text;
    }

    /// <summary>A claim's tolerance: "−0.57 pp" for accuracies, "−0.0200" for scores (the largest shortfall accepted).</summary>
    public static string Tolerance(ClaimVerdict verdict) => verdict.Tolerance is not { } t ? None
        : verdict.Unit == ClaimUnit.Accuracy ? Invariant($"-{t * 100:0.00} pp") : Invariant($"-{t:0.0000}");
}
