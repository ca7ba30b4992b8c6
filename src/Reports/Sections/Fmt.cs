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
    /// A rate to three significant digits, with k or M: "899", "1.43k", "10.6k", "226k", "2.27M". Timings differ by more
    /// than 1 % between runs, so a fourth digit would be noise; the CSV files keep every digit.
    /// </summary>
    public static string Rate(double perSecond)
    {
        if (perSecond < 999.5) return perSecond.ToString("0", C);
        var (value, unit) = perSecond < 999_500 ? (perSecond / 1e3, "k") : (perSecond / 1e6, "M");
        return value.ToString(value < 9.995 ? "0.00" : value < 99.95 ? "0.0" : "0", C) + unit;
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all[..^1])} and {all[^1]}";
    }

    /// <summary>A model id within its write-up's own section, where the family is said: "relu-maxpool-adam".</summary>
    public static string ShortModel(string id) => id.Contains('/') ? id[(id.IndexOf('/') + 1)..] : id;

    /// <summary>A claim's value with its unit and qualifier: "90.94 %", ">90.00 %", "~310,000", "<1,000,000", "0.8980", "180.0 s".</summary>
    public static string Claim(ClaimUnit unit, double? value, string qualifier = "")
    {
        if (value is not { } v || double.IsNaN(v)) return None;
        var text = unit switch
        {
            ClaimUnit.Accuracy => Percent(v) + " %",
            ClaimUnit.Count => Count((long)v),
            ClaimUnit.Seconds => Seconds(v) + " s",
            ClaimUnit.Megabytes => v.ToString(v < 10 ? "0.00" : "#,0", C) + " MB",
            ClaimUnit.Rate => v.ToString("0.0", C) + " it/s",
            ClaimUnit.Loss => v.ToString("0.0000#", C),
            _ => Score(v),
        };
        return qualifier + text;
    }

    /// <summary>
    /// A claim's measurement: "91.25 ± 0.16 % (5)" (mean ± half the 95 % interval, seeds), "52.53 % [0.0–100.0] (3)" where
    /// the interval is cut at 0 or 1, "91.09 % (1)" without an interval, the count of a parameter claim, "—" when there is none.
    /// </summary>
    public static string Measured(ClaimVerdict v)
    {
        if (v.Measured is not { } mean || double.IsNaN(mean)) return None;
        var n = v.N > 0 ? Invariant($" ({v.N})") : "";
        if (v.CiLow is not { } low || v.CiHigh is not { } high) return Claim(v.Unit, mean) + (v.Kind == ClaimKind.Count ? "" : n);
        var half = (high - low) / 2;
        // An interval cut at 0 or 1 is no longer mean ± half: its ends are given, as one word so a cell wraps around it.
        var cut = Math.Abs(mean - low - (high - mean)) > 1e-9;
        return (v.Unit == ClaimUnit.Accuracy, cut) switch
        {
            (true, false) => Invariant($"{mean * 100:0.00} ± {half * 100:0.00} %{n}"),
            (true, true) => Invariant($"{mean * 100:0.00} % [{low * 100:0.0}–{high * 100:0.0}]{n}"),
            (false, false) => Invariant($"{mean:0.0000} ± {half:0.0000}{n}"),
            (false, true) => Invariant($"{mean:0.0000} [{low:0.000}–{high:0.000}]{n}"),
        };
    }

    /// <summary>The line a claim's interval is set against: "90.94 − 0.005 pp" style, as a plain value ("90.935 %").</summary>
    public static string Line(ClaimVerdict v) => v.Line is not { } line ? None
        : v.Unit == ClaimUnit.Accuracy ? Invariant($"{line * 100:0.000} %") : Invariant($"{line:0.00000}");
}
