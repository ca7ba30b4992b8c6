using FashionBench.Harness.Runs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// The first pages: title, the tally of documented claims (held / did not hold / nothing to compare) and every
/// judged claim in one table, so the first pages alone say which claims held.
/// </summary>
internal static class TitleSection
{
    public const string Heading = "Documented claims at a glance";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        var inputs = material.Inputs;
        var runs = inputs.Runs;
        doc.Add(new TitleBlock(Title(inputs.Profile), Fmt.Invariant(
            $"{runs.Count} runs of {runs.Select(r => r.Model).Distinct().Count()} models · {Commits(runs)} · generated {material.Context.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC")));

        var verdicts = material.Tables.Verdicts;
        var counts = VerdictCounts.Of(verdicts);
        var judged = counts.Held + counts.DidNotHold + counts.NothingToCompare;
        doc.Add(new HeadingBlock(Heading));
        doc.Add(new ParagraphBlock([
            new TextRun(Fmt.Invariant($"Of {judged} documented claims set against these runs, {counts.Held} held, {counts.DidNotHold} did not hold and {counts.NothingToCompare} had nothing to compare"), Bold: true),
            new TextRun(" (not comparable under this profile, or nothing documented for the model). "
                        + Fmt.Invariant($"{counts.NotJudged} further documented numbers (validation loss, training accuracy, epoch time) are shown beside the measurements in each model's section without a verdict; the rules are in the Method section.")),
        ]));
        doc.Add(new TableBlock(["Held", "Did not hold", "Nothing to compare", "Not judged"],
            [[
                new TableCell(Fmt.Invariant($"{counts.Held}"), Bold: true, Fill: VerdictStyle.HeldFill),
                new TableCell(Fmt.Invariant($"{counts.DidNotHold}"), Bold: true, Fill: VerdictStyle.FailedFill),
                new TableCell(Fmt.Invariant($"{counts.NothingToCompare}"), Bold: true, Fill: VerdictStyle.NotComparableFill),
                new TableCell(Fmt.Invariant($"{counts.NotJudged}")),
            ]], [1, 1, 1, 1], [SKTextAlign.Center, SKTextAlign.Center, SKTextAlign.Center, SKTextAlign.Center]));

        if (verdicts.Any(v => v.Reason == ProfileComparability.Reason))
            doc.Add(new ParagraphBlock(ProfileNote(inputs.Profile)));

        var multiSeed = runs.Select(r => r.Metrics.Seed).Distinct().Count() > 1;
        // Grouped by verdict so the claims that were tested come first, however many runs follow (stable: catalogue order within).
        var ordered = verdicts.Where(v => v.Verdict != Verdict.NotJudged).OrderBy(v => v.Verdict switch
        {
            Verdict.DidNotHold => 0,
            Verdict.Held => 1,
            Verdict.NotComparable => 2,
            _ => 3,
        });
        doc.Add(ClaimTable.Of(ordered, withModel: true, withSeed: multiSeed,
            "Every documented claim and its verdict: those that did not hold, those that held, then those with nothing to compare. Measured accuracies are test-set accuracies (the best epoch's for best-epoch claims); tolerances are in each model's section and in verdicts.csv."));
    }

    public static string Title(string profile) => $"FashionBench report: {profile} profile";

    /// <summary>"commit 8cc2fcf65e (dirty)", or "5 commits, the latest 8cc2fcf65e (dirty)" (all are listed under Provenance).</summary>
    private static string Commits(IReadOnlyList<Inputs.RunRecords> runs)
    {
        var provenance = runs.Select(r => r.Metrics.Provenance).OrderBy(p => p.Created).ToList();
        var latest = provenance[^1];
        var name = latest.GitCommit[..Math.Min(10, latest.GitCommit.Length)] + (latest.GitDirty ? " (dirty)" : "");
        var count = provenance.Select(p => (p.GitCommit, p.GitDirty)).Distinct().Count();
        return count == 1 ? $"commit {name}" : Fmt.Invariant($"{count} commits, the latest {name}");
    }

    private static string ProfileNote(string profileName)
    {
        var profile = Profile.All.FirstOrDefault(p => p.Name == profileName);
        return $"These runs do not train as the write-ups describe ({profile?.Purpose ?? profileName}), so their accuracy, F1 and per-class claims "
               + "are marked 'not comparable (profile)' and counted under nothing to compare; parameter claims do not depend on training and are judged.";
    }
}
