using FashionBench.Harness.Runs;
using FashionBench.Reports.Layout;
using FashionBench.Reports.Verdicts;
using SkiaSharp;

namespace FashionBench.Reports.Sections;

/// <summary>
/// The first pages: title, the tally of documented claims by outcome and taxonomy, and every claim in one table, so
/// the first pages alone say which claims held.
/// </summary>
internal static class TitleSection
{
    public const string Heading = "Documented claims at a glance";

    public static void Add(ReportDocument doc, ReportMaterial material)
    {
        var inputs = material.Inputs;
        var runs = inputs.Runs;
        doc.Add(new TitleBlock(Title(inputs.Profile), Fmt.Invariant(
            $"{runs.Count} runs of {runs.Select(r => r.Model).Distinct().Count()} models on {string.Join(" and ", inputs.Devices)} · {Commits(runs)} · generated {material.Context.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC")));

        var verdicts = material.Tables.DocumentedVerdicts;
        var counts = VerdictCounts.Of(verdicts);
        doc.Add(new HeadingBlock(Heading));
        doc.Add(new ParagraphBlock([
            new TextRun(Fmt.Invariant($"Of {counts.Claims} documented claims set against these runs, {counts.Held} held, {counts.DidNotHold} did not hold and {counts.Inconclusive} were inconclusive"), Bold: true),
            new TextRun(Fmt.Invariant($"; {counts.RunFailed} had a failed run, {counts.Contradicted} are contradicted by the write-up itself and {counts.NotComparable} cannot be tested by these runs. ")
                        + "Each claim is judged over all seeds of its model and device: held when the 95 % interval of the measurement lies at or above the documented value less its printed rounding, did not hold when it lies below, inconclusive when it straddles it (Method). "
                        + Fmt.Invariant($"{counts.Reported} further documented numbers (losses) are reported beside the measurements without a verdict; models the write-ups give no number for are not counted.")),
        ]));
        var writeUps = Models.ModelCatalog.WriteUps.Where(w => verdicts.Any(v => v.WriteUp == w.Number))
            .Select(w => "• " + WriteUpLine(w.Number, verdicts, material.Tables.Comparisons)).ToList();
        if (writeUps.Count > 0) doc.Add(new ParagraphBlock(string.Join("\n", writeUps)));
        doc.Add(new TableBlock(["Held", "Did not hold", "Inconclusive", "Run failed", "Contradicted", "Not comparable"],
            [[
                new TableCell(Fmt.Invariant($"{counts.Held}"), Bold: true, Fill: VerdictStyle.HeldFill),
                new TableCell(Fmt.Invariant($"{counts.DidNotHold}"), Bold: true, Fill: VerdictStyle.FailedFill),
                new TableCell(Fmt.Invariant($"{counts.Inconclusive}"), Bold: true, Fill: VerdictStyle.InconclusiveFill),
                new TableCell(Fmt.Invariant($"{counts.RunFailed}"), Fill: VerdictStyle.NoVerdictFill),
                new TableCell(Fmt.Invariant($"{counts.Contradicted}"), Fill: VerdictStyle.NoVerdictFill),
                new TableCell(Fmt.Invariant($"{counts.NotComparable}"), Fill: VerdictStyle.NotComparableFill),
            ]], [1, 1, 1, 1, 1, 1], Enumerable.Repeat(SKTextAlign.Center, 6).ToList()));

        if (verdicts.Any(v => v.Reason == ProfileComparability.Reason))
            doc.Add(new ParagraphBlock(ProfileNote(inputs.Profile)));

        // The claims a reader must look at, grouped by outcome (stable: catalogue order within); those that held are
        // counted above and listed in each model's section.
        var ordered = verdicts.Where(v => v.Verdict is not (Verdict.Reported or Verdict.NothingDocumented or Verdict.Held)).OrderBy(v => v.Verdict switch
        {
            Verdict.DidNotHold => 0,
            Verdict.Inconclusive => 1,
            Verdict.RunFailed => 2,
            Verdict.Contradicted => 3,
            _ => 4,
        });
        doc.Add(ClaimTable.Of(ordered, v => inputs.OnDevice(v.Model, v.Device),
            "Every documented claim that did not hold or could not be judged: those that did not hold, the inconclusive ones, failed runs, claims the write-up contradicts, then those these runs cannot test. The claims that held are counted above and listed in each model's section. Measured: mean ± half the 95 % interval over (n) seeds; notes and the rule's numbers are in each model's section and in verdicts.csv."));

        Comparisons(doc, material);
        Probes(doc, material);
    }

    private static void Comparisons(ReportDocument doc, ReportMaterial material)
    {
        var comparisons = material.Tables.Comparisons;
        if (comparisons.Count == 0) return;
        doc.Add(new HeadingBlock("The write-ups' comparative findings", 2));
        doc.Add(new ParagraphBlock(
            "Each finding that one model scores higher than another is judged on seed-matched pairs of runs: held when the 95 % interval of the mean paired difference lies above 0 "
            + Fmt.Invariant($"and McNemar's exact test on the test images, stratified by seed (discordant images pooled over seeds), gives p < {ComparisonJudge.Alpha}; ")
            + "did not hold when the interval lies below 0 (the reverse holds) with the same test; inconclusive otherwise. The finding is the direction; the documented size is shown beside the measured one."));
        doc.Add(ComparisonTable.Of(comparisons, material.Inputs.OnDevice,
            "The write-ups' comparative and ablation findings. Δ is the model claimed higher minus the other; p is McNemar's exact test stratified by seed (— without per-item pairs). comparisons.csv has the models, b, c, the degrees of freedom and the notes."));
    }

    /// <summary>The probes of claims that did not hold: each probe's verdict on the same claim, and what they add up to.</summary>
    private static void Probes(ReportDocument doc, ReportMaterial material)
    {
        var outcomes = ProbeOutcome.Of(material.Tables.Verdicts, id => Models.ModelCatalog.Find(id)?.ProbeChange ?? id);
        if (outcomes.Count == 0) return;
        doc.Add(new HeadingBlock("Probes of the claims that did not hold", 2));
        doc.Add(new ParagraphBlock(Fmt.Invariant(
            $"For a claim that did not hold (or, for a model none of whose claims did not hold, an inconclusive one), the catalogue declares up to {Models.WriteUp.ProbesPerModel} alternatives for choices the write-up left open ('<model>+<change>'), trained and judged on the same claim by the same rule.")));
        doc.Add(new TableBlock(["Claim (documented)", "Ours", "Probe", "Measured (n)", "Verdict"],
            outcomes.SelectMany(o => o.Probes.Select((p, i) => (IReadOnlyList<TableCell>)[
                i == 0 ? $"{o.Claim.Model}: {o.Claim.Claim} ({Fmt.Claim(o.Claim.Unit, o.Claim.Documented, o.Claim.Qualifier)})" : "",
                i == 0 ? VerdictStyle.Cell(o.Claim) : "", p.Change, Fmt.Measured(p.Verdict), VerdictStyle.Cell(p.Verdict)])).ToList(),
            [118, 60, 136, 102, 67], [SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Left, SKTextAlign.Right, SKTextAlign.Left],
            "Each probed claim, our verdict, and each probe's on the same claim (verdicts.csv: rows whose probe_of names the model)."));
        // One line per model and conclusion: a model's claims that its probes answer alike share it.
        doc.Add(new ParagraphBlock(string.Join("\n", outcomes.GroupBy(o => (o.Claim.Model, o.Conclusion)).Select(g =>
            $"• {g.Key.Model}, {Fmt.List(g.Select(o => o.Claim.Claim))}: {g.Key.Conclusion}."))));
    }

    /// <summary>"002: 5 of 7 claims held; findings: augmentation hurts — held, dropout hurts — inconclusive".</summary>
    public static string WriteUpLine(string number, IReadOnlyList<ClaimVerdict> verdicts, IReadOnlyList<ComparisonVerdict> comparisons)
    {
        var counts = VerdictCounts.Of(verdicts.Where(v => v.WriteUp == number));
        var judged = counts.Held + counts.DidNotHold + counts.Inconclusive;
        var line = judged > 0 ? Fmt.Invariant($"{number}: {counts.Held} of {judged} judged claims held")
            : Fmt.Invariant($"{number}: no claim could be judged by these runs ({counts.NotComparable} not comparable)");
        if (counts.RunFailed + counts.Contradicted > 0) line += Fmt.Invariant($" ({counts.RunFailed} run failed, {counts.Contradicted} contradicted by the write-up)");
        var findings = comparisons.Where(c => c.WriteUp == number).ToList();
        var tested = findings.Where(c => c.Verdict != Verdict.NotComparable).Select(c => $"{c.Finding} — {c.VerdictText}").ToList();
        var untestable = findings.Count - tested.Count;
        if (tested.Count > 0) line += "; findings: " + string.Join(", ", tested);
        if (untestable > 0) line += Fmt.Invariant($"{(tested.Count > 0 ? "; " : "; findings: ")}{untestable} not comparable here");
        return line;
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
        return $"These runs do not train as the write-ups describe ({profile?.Description ?? profileName}), so their accuracy, F1 and per-class claims "
               + "are marked 'not comparable (profile)'; parameter claims do not depend on training and are judged.";
    }
}
