using System.Globalization;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Reports.Verdicts;

/// <summary>
/// The verdict rules, as pure functions of a write-up's claims and one model's runs on one device (its seeds).
/// <list type="bullet">
/// <item>Failed runs (diverged, collapsed) get a "run failed" row each and are left out of every estimate.</item>
/// <item>An accuracy or F1 claim is a claim of at least the documented value less its printed rounding: the 95 %
/// <see cref="CombinedInterval"/> over the healthy seeds (seed variance plus test-set sampling variance) at or above
/// that line is held, wholly below it did not hold, straddling it inconclusive. An interval wholly above documented +
/// rounding is flagged "exceeded by Δ": it suggests a different setup.</item>
/// <item>A lower bound ("over 90 %") is judged against the bound by the same three outcomes.</item>
/// <item>A parameter count is an exact fact of the built architecture; one the write-up's own layer list
/// contradicts (a catalogue <see cref="Contradiction"/>) is "contradicted by the write-up", not judged.</item>
/// <item>Times are judged by order of magnitude only (within 10× either way): they were measured on other hardware.</item>
/// <item>Losses are reported beside the measurement, not judged.</item>
/// <item>Claims that need training as documented are not comparable for a run trained otherwise (profile).</item>
/// </list>
/// </summary>
public static class ClaimJudge
{
    /// <summary>How far apart (as a factor) a time may be and still be of the same order of magnitude.</summary>
    public const double OrderOfMagnitude = 10;

    /// <summary>The claim column of a failed run's own row.</summary>
    public const string TrainingRun = "training run";

    public const string LossNotJudged = "a loss depends on how the write-up's framework adds regularisation and averages batches";

    /// <summary>
    /// Every verdict for one model on one device: a row per failed run, then test accuracy (or "nothing documented"),
    /// then the other claims in the order the write-up's numbers are listed.
    /// </summary>
    /// <param name="runs">The model's runs on one device, one per seed; at least one.</param>
    /// <param name="borrowed">A seed spread for a claim, used when only one seed is healthy (null: none to borrow).</param>
    public static IReadOnlyList<ClaimVerdict> Judge(ModelSpec spec, IReadOnlyList<RunFacts> runs, Func<string, SeedSpread?>? borrowed = null)
    {
        if (runs.Count == 0) throw new ArgumentException("a verdict needs at least one run", nameof(runs));
        var healthy = runs.Where(r => r.Healthy).ToList();
        var first = runs[0];
        var rows = runs.Where(r => !r.Healthy).Select(r => Row(spec, first) with
        {
            Claim = TrainingRun, Verdict = Verdict.RunFailed, N = 1, Seeds = Seeds([r]),
            Note = $"{r.Status}: {r.StatusReason}",
        }).ToList();
        var contradicted = spec.Contradictions.Where(c => c.Claim is not null).ToDictionary(c => c.Claim!, c => c.Note);
        foreach (var rule in Rules(spec.Documented, first))
            rows.Add(JudgeRule(spec, rule, runs, healthy, contradicted, borrowed));
        return rows;
    }

    /// <summary>
    /// A spec's documented parameter count against the architecture the write-up itself describes, counted from the
    /// spec: a fact of the write-up, judged with or without a run (the report's contradictions table).
    /// </summary>
    public static (long Built, Verdict Verdict) ParametersOfSpec(ModelSpec spec)
    {
        var built = SpecCost.Of(spec).Parameters;
        return (built, spec.Documented.Parameters?.HeldBy(built) == true ? Verdict.Held : Verdict.DidNotHold);
    }

    /// <summary>The line an interval is set against, and the three-way outcome of the interval [low, high] against it.</summary>
    public static (double Line, Verdict Verdict) Outcome(ClaimKind kind, double documented, double rounding, double low, double high)
    {
        if (kind == ClaimKind.LowerBound)
            return (documented, low > documented ? Verdict.Held : high <= documented ? Verdict.DidNotHold : Verdict.Inconclusive);
        if (kind != ClaimKind.AtLeast) throw new ArgumentOutOfRangeException(nameof(kind), kind, "only accuracy-type claims have an interval rule");
        var line = documented - rounding;
        return (line, low >= line ? Verdict.Held : high < line ? Verdict.DidNotHold : Verdict.Inconclusive);
    }

    /// <summary>How one documented number is measured on a run, and read.</summary>
    /// <param name="Measure">The run's counterpart; null when this run has none (it ended earlier, say).</param>
    /// <param name="SampleSize">The images the counterpart was measured on, for its binomial sampling variance; null for none.</param>
    /// <param name="NeedsTraining">Only a run trained as documented can test it (not parameter counts).</param>
    sealed record Rule(string Claim, ClaimUnit Unit, ClaimKind Kind, double? Documented, Func<RunFacts, double?> Measure,
        Func<RunFacts, long>? SampleSize = null, string Qualifier = "", bool NeedsTraining = true, string? Missing = null);

    static IEnumerable<Rule> Rules(DocumentedResults d, RunFacts run)
    {
        if (d.TestAccuracy is not { } accuracy)
            yield return new Rule("test accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, null, r => r.TestAccuracy, r => r.TestImages);
        else if (d.TestAccuracyIsLowerBound)
            yield return new Rule("test accuracy (lower bound)", ClaimUnit.Accuracy, ClaimKind.LowerBound, accuracy, r => r.TestAccuracy, r => r.TestImages, ">");
        else if (d.TestAccuracyIsBestEpoch && run.ValidatesOnTest)
            // "Best test accuracy" over epochs: the run's best epoch on the same (test) set.
            yield return new Rule("best-epoch test accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, accuracy, r => r.BestValidationAccuracy, r => r.TestImages);
        else
            yield return new Rule("test accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, accuracy, r => r.TestAccuracy, r => r.TestImages);

        // Per-epoch accuracies come from the validation curve, which is the test set when the write-up validated on it.
        // One equal to the final-accuracy claim is that same sentence again and is not counted twice.
        foreach (var (epoch, value) in d.TestAccuracyAtEpoch.Where(e => e.Value != d.TestAccuracy).OrderBy(e => e.Key))
            yield return new Rule($"test accuracy at epoch {epoch}", ClaimUnit.Accuracy, ClaimKind.AtLeast, value,
                r => r.ValidatesOnTest && r.ValidationAccuracyByEpoch.TryGetValue(epoch, out var a) ? a : null, r => r.TestImages,
                Missing: run.ValidatesOnTest ? "run ended earlier" : "no per-epoch test accuracy");

        // F1 is not a binomial proportion; its sampling variance is approximated as one on the same images.
        if (d.MacroF1 is { } f1)
            yield return new Rule("macro F1", ClaimUnit.Score, ClaimKind.AtLeast, f1, r => r.MacroF1, r => r.TestImages);
        foreach (var (name, value) in d.PerClassF1)
            yield return new Rule($"F1 of {name}", ClaimUnit.Score, ClaimKind.AtLeast, value,
                r => r.PerClass.TryGetValue(name, out var c) ? c.F1 : null,
                r => r.PerClass.TryGetValue(name, out var c) ? c.Support : r.TestImages, Missing: "no such class");

        if (d.ValidationAccuracy is { } va)
            yield return new Rule(run.ValidatesOnTest ? "best validation (= test) accuracy" : "best validation accuracy",
                ClaimUnit.Accuracy, ClaimKind.AtLeast, va, r => r.BestValidationAccuracy, r => r.ValidationImages);
        if (d.TrainAccuracy is { } ta)
            yield return new Rule("best training accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, ta, r => r.BestTrainAccuracy, r => r.TrainImages);
        if (d.ValidationLoss is { } vl)
            yield return new Rule("lowest validation loss", ClaimUnit.Loss, ClaimKind.Reported, vl, r => r.MinValidationLoss);
        if (d.Parameters is { } parameters)
            yield return new Rule(ClaimName.Parameters, ClaimUnit.Count, ClaimKind.Count, parameters.Value, r => r.Parameters,
                Qualifier: parameters.Kind switch { ParameterClaimKind.Approximate => "~", ParameterClaimKind.UpperBound => "<", _ => "" },
                NeedsTraining: false);
        if (d.EpochSeconds is { } es)
            yield return new Rule("epoch time", ClaimUnit.Seconds, ClaimKind.OrderOfMagnitude, es, r => r.EpochSecondsMedian);
    }

    static ClaimVerdict JudgeRule(ModelSpec spec, Rule rule, IReadOnlyList<RunFacts> runs, IReadOnlyList<RunFacts> healthy,
        IReadOnlyDictionary<string, string> contradicted, Func<string, SeedSpread?>? borrowed)
    {
        var row = Row(spec, runs[0]) with
        {
            Claim = rule.Claim, Unit = rule.Unit, Kind = rule.Kind, Documented = rule.Documented, Qualifier = rule.Qualifier,
        };
        if (contradicted.TryGetValue(rule.Claim, out var contradiction))
            return Measured(row, rule, healthy.Count > 0 ? healthy : runs) with { Verdict = Verdict.Contradicted, Note = contradiction };
        if (rule.Documented is not { } documented)
            return Measured(row, rule, healthy.Count > 0 ? healthy : runs) with { Verdict = Verdict.NothingDocumented };
        if (rule.NeedsTraining && runs.Select(r => r.NotComparableReason).FirstOrDefault(r => r is not null) is { } reason)
            return Measured(row, rule, runs) with { Verdict = Verdict.NotComparable, Reason = reason, Note = "not trained as the write-up describes" };
        if (rule.Kind == ClaimKind.Count)
        {
            // A fact of the architecture: any run's count, whether or not it trained.
            var claim = spec.Documented.Parameters!;
            return Measured(row, rule, runs) with { Verdict = claim.HeldBy(runs[0].Parameters) ? Verdict.Held : Verdict.DidNotHold, Note = CountRule(claim.Kind) };
        }
        if (healthy.Count == 0)
            return row with { Verdict = Verdict.RunFailed, Note = "no run trained to a usable model" };
        if (healthy.Any(r => rule.Measure(r) is null))
            return Measured(row, rule, healthy) with { Verdict = Verdict.NotComparable, Reason = rule.Missing ?? "not measured" };

        var values = healthy.Select(r => rule.Measure(r)!.Value).ToList();
        switch (rule.Kind)
        {
            case ClaimKind.Reported:
                return Measured(row, rule, healthy) with { Verdict = Verdict.Reported, Note = LossNotJudged };
            case ClaimKind.OrderOfMagnitude:
            {
                var median = Median.Of(values);
                var ratio = median / documented;
                var same = ratio is >= 1 / OrderOfMagnitude and <= OrderOfMagnitude;
                return Measured(row, rule, healthy) with
                {
                    Measured = median, Verdict = same ? Verdict.Held : Verdict.DidNotHold,
                    Note = Invariant($"median {ratio:0.##}× the documented value, on {healthy[0].Cpu} (the write-up's machine differs); judged within {OrderOfMagnitude:0}× either way"),
                };
            }
        }

        var spread = healthy.Count == 1 ? borrowed?.Invoke(rule.Claim) : null;
        var mean = values.Average();
        var size = healthy.Min(r => rule.SampleSize!(r));
        var p = Math.Clamp(mean, 0, 1);
        var interval = CombinedInterval.Of(values, p * (1 - p) / size, spread);
        var rounding = rule.Kind == ClaimKind.AtLeast ? spec.Documented.Rounding : 0;
        var (line, verdict) = Outcome(rule.Kind, documented, rounding, interval.Low, interval.High);
        var notes = new List<string>();
        if (healthy.Count < runs.Count) notes.Add(Invariant($"{runs.Count - healthy.Count} failed run(s) left out"));
        if (healthy.Count == 1)
            notes.Add(interval.Seeds is { } s ? $"single seed: seed variance borrowed from {s.Source}"
                : "single seed: seed variance unknown, the interval is test-set sampling only");
        if (rule.Kind == ClaimKind.AtLeast && interval.Low > documented + rounding)
            notes.Add(Invariant($"exceeded by {(mean - documented) * 100:0.00} {(rule.Unit == ClaimUnit.Accuracy ? "pp" : "points")}"));
        return row with
        {
            Rounding = rule.Kind == ClaimKind.AtLeast ? rounding : null, Line = line, N = interval.N, Seeds = Seeds(healthy),
            Measured = mean, SeedSd = interval.Seeds is { } sd ? Math.Sqrt(sd.Variance) : null, SeedDf = interval.Seeds?.DegreesOfFreedom,
            SeedVarianceFrom = interval.Seeds?.Source ?? "none", SamplingSd = Math.Sqrt(interval.SamplingVariance),
            Df = double.IsPositiveInfinity(interval.DegreesOfFreedom) ? null : interval.DegreesOfFreedom, T = interval.Quantile,
            CiLow = interval.Low, CiHigh = interval.High, Verdict = verdict, Note = string.Join("; ", notes),
        };
    }

    static string CountRule(ParameterClaimKind kind) => kind switch
    {
        ParameterClaimKind.Exact => "an exact count of the built architecture",
        ParameterClaimKind.UpperBound => "the built architecture's count below the bound",
        _ => "'~' rounds to one significant figure: within ±25 %",
    };

    /// <summary>The mean of the runs' counterparts (null when any lacks one), with n and seeds.</summary>
    static ClaimVerdict Measured(ClaimVerdict row, Rule rule, IReadOnlyList<RunFacts> runs)
    {
        var values = runs.Select(r => rule.Measure(r)).ToList();
        return row with
        {
            N = runs.Count, Seeds = Seeds(runs),
            Measured = values.All(v => v is not null) ? values.Average(v => v!.Value) : null,
        };
    }

    static ClaimVerdict Row(ModelSpec spec, RunFacts run) => new() { WriteUp = spec.WriteUp, Model = spec.Id, Device = run.Device };

    static string Seeds(IEnumerable<RunFacts> runs) => string.Join(' ', runs.Select(r => r.Seed.ToString(CultureInfo.InvariantCulture)));

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
