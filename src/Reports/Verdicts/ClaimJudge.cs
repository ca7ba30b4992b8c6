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

    /// <summary>The note of a loss row (the reason is on the Method page).</summary>
    public const string LossNote = "losses are reported, not judged (Method)";

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
        if (kind == ClaimKind.UpperBound)
            return (documented, high < documented ? Verdict.Held : low >= documented ? Verdict.DidNotHold : Verdict.Inconclusive);
        if (kind != ClaimKind.AtLeast) throw new ArgumentOutOfRangeException(nameof(kind), kind, "only accuracy-type claims have an interval rule");
        var line = documented - rounding;
        return (line, low >= line ? Verdict.Held : high < line ? Verdict.DidNotHold : Verdict.Inconclusive);
    }

    /// <summary>How one documented number is measured on a run, and read.</summary>
    /// <param name="Measure">The run's counterpart; null when this run has none (it ended earlier, say).</param>
    /// <param name="SampleSize">The images the counterpart was measured on, for its binomial sampling variance.</param>
    /// <param name="Rounding">Half a unit of the number's printed digit; null: the write-up's <see cref="DocumentedResults.Rounding"/>.</param>
    /// <param name="Count">For a parameter claim, the claim itself.</param>
    /// <param name="Why">For a reported number, why it is not judged; for a target, how each seed reached it.</param>
    sealed record Rule(string Claim, ClaimUnit Unit, ClaimKind Kind, double? Documented, Func<RunFacts, double?> Measure,
        Func<RunFacts, long>? SampleSize = null, string Qualifier = "", string? Missing = null, double? Rounding = null,
        ParameterClaim? Count = null, Func<IReadOnlyList<RunFacts>, string>? Why = null);

    static IEnumerable<Rule> Rules(DocumentedResults d, RunFacts run)
    {
        Func<RunFacts, long> test = r => r.TestImages, train = r => r.TrainImages;
        if (d.TestAccuracy is not { } accuracy)
            yield return new Rule("test accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, null, r => r.TestAccuracy, test);
        else if (d.TestAccuracyIsLowerBound)
            yield return new Rule("test accuracy (lower bound)", ClaimUnit.Accuracy, ClaimKind.LowerBound, accuracy, r => r.TestAccuracy, test, ">");
        else if (d.TestAccuracyIsBestEpoch && run.ValidatesOnTest)
            // "Best test accuracy" over epochs: the run's best epoch on the same (test) set.
            yield return new Rule("best-epoch test accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, accuracy, r => r.BestValidationAccuracy, test);
        else
            yield return new Rule("test accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, accuracy, r => r.TestAccuracy, test);

        // Per-epoch numbers come from the curves, whose validation is the test set when the write-up validated on it.
        // A per-epoch accuracy equal to the final-accuracy claim is that same sentence again and is not counted twice.
        var missing = run.ValidatesOnTest ? "run ended earlier" : "no per-epoch test numbers";
        foreach (var (epoch, e) in d.AtEpoch.OrderBy(e => e.Key))
        {
            double? OnTest(RunFacts r, Func<EpochFacts, double> f) => r.ValidatesOnTest && r.Epochs.TryGetValue(epoch, out var x) ? f(x) : null;
            double? Trained(RunFacts r, Func<EpochFacts, double> f) => r.Epochs.TryGetValue(epoch, out var x) ? f(x) : null;
            if (e.TestAccuracy is { } ta && ta != d.TestAccuracy)
                yield return new Rule($"test accuracy at epoch {epoch}", ClaimUnit.Accuracy, ClaimKind.AtLeast, ta, r => OnTest(r, x => x.ValidationAccuracy), test, Missing: missing);
            if (e.TrainAccuracy is { } tra)
                yield return new Rule($"training accuracy at epoch {epoch}", ClaimUnit.Accuracy, ClaimKind.AtLeast, tra, r => Trained(r, x => x.TrainAccuracy), train, Missing: "run ended earlier");
            if (e.TestLoss is { } tl)
                yield return new Rule($"test loss at epoch {epoch}", ClaimUnit.Loss, ClaimKind.Reported, tl, r => OnTest(r, x => x.ValidationLoss), Missing: missing, Why: _ => LossNote);
            if (e.TrainLoss is { } trl)
                yield return new Rule($"training loss at epoch {epoch}", ClaimUnit.Loss, ClaimKind.Reported, trl, r => Trained(r, x => x.TrainLoss), Missing: "run ended earlier", Why: _ => LossNote);
        }
        if (d.BestTestAccuracyBelow is { } below && run.ValidatesOnTest)
            yield return new Rule("best-epoch test accuracy (upper bound)", ClaimUnit.Accuracy, ClaimKind.UpperBound, below, r => r.BestValidationAccuracy, test, "<");
        if (d.Target is { } target)
            yield return new Rule($"test accuracy reached by epoch {target.ByEpoch}", ClaimUnit.Accuracy, ClaimKind.AtLeast, target.Accuracy,
                r => r.ValidatesOnTest ? BestUpTo(r, target.ByEpoch) : null, test, Missing: "no per-epoch test accuracy", Rounding: target.Rounding,
                Why: runs => FirstReached(runs, target));

        // F1 is not a binomial proportion; its sampling variance is approximated as one on the same images.
        if (d.MacroF1 is { } f1)
            yield return new Rule("macro F1", ClaimUnit.Score, ClaimKind.AtLeast, f1, r => r.MacroF1, test);
        foreach (var (name, value) in d.PerClassF1)
            yield return new Rule($"F1 of {name}", ClaimUnit.Score, ClaimKind.AtLeast, value,
                r => r.PerClass.TryGetValue(name, out var c) ? c.F1 : null,
                r => r.PerClass.TryGetValue(name, out var c) ? c.Support : r.TestImages, Missing: "no such class");

        if (d.ValidationAccuracy is { } va)
            yield return new Rule(run.ValidatesOnTest ? "best validation (= test) accuracy" : "best validation accuracy",
                ClaimUnit.Accuracy, ClaimKind.AtLeast, va, r => r.BestValidationAccuracy, r => r.ValidationImages);
        if (d.TrainAccuracy is { } bta)
            yield return new Rule("best training accuracy", ClaimUnit.Accuracy, ClaimKind.AtLeast, bta, r => r.BestTrainAccuracy, train);
        if (d.ValidationLoss is { } vl)
            yield return new Rule("lowest validation loss", ClaimUnit.Loss, ClaimKind.Reported, vl, r => r.MinValidationLoss, Why: _ => LossNote);
        foreach (var (name, parameters) in new[] { (ClaimName.Parameters, d.Parameters), (ClaimName.ParameterBound, d.ParameterBound) })
            if (parameters is not null)
                yield return new Rule(name, ClaimUnit.Count, ClaimKind.Count, parameters.Value, r => r.Parameters, Count: parameters,
                    Qualifier: parameters.Kind switch { ParameterClaimKind.Approximate => "~", ParameterClaimKind.UpperBound => "<", _ => "" });
        // Float32 weights: 4 bytes a parameter (the file adds a little framing, and batch-norm statistics).
        if (d.ModelMegabytes is { } mb)
            yield return new Rule(ClaimName.ModelSize, ClaimUnit.Megabytes, ClaimKind.OrderOfMagnitude, mb, r => r.Parameters * 4 / 1e6);
        if (d.EpochSeconds is { } es)
            yield return new Rule("epoch time", ClaimUnit.Seconds, ClaimKind.OrderOfMagnitude, es, r => r.EpochSecondsMedian);
        if (d.TotalTrainSeconds is { } total)
            yield return new Rule("total training time", ClaimUnit.Seconds, ClaimKind.Reported, total, r => r.TrainSeconds,
                Why: _ => "set against this run's training time, though the write-up does not say what its total covers (see the choices)");
        if (d.PeakMemoryMegabytes is { } ram)
            yield return new Rule("peak memory (RAM)", ClaimUnit.Megabytes, ClaimKind.OrderOfMagnitude, ram, r => r.PeakRssMb);
        if (d.InferenceIterationsPerSecond is { } rate)
            yield return new Rule("inference rate", ClaimUnit.Rate, ClaimKind.Reported, rate, _ => null,
                Why: _ => "'it/s' is not defined (images or batches of how many); the measured inference throughput is in the Inference section");
    }

    static double? BestUpTo(RunFacts run, int epoch) =>
        run.Epochs.Where(e => e.Key <= epoch).Select(e => (double?)e.Value.ValidationAccuracy).Max();

    /// <summary>"first reached at epoch 9, 11, —, 12, 10 (seeds 1–5)": each seed's first epoch at or above the target.</summary>
    static string FirstReached(IReadOnlyList<RunFacts> runs, AccuracyTarget target)
    {
        var epochs = runs.Select(r => r.Epochs.Where(e => e.Value.ValidationAccuracy >= target.Accuracy).Select(e => (int?)e.Key).Min());
        return Invariant($"first at or above {target.Accuracy * 100:0.0#} % at epoch ") + string.Join(", ", epochs.Select(e => e?.ToString(CultureInfo.InvariantCulture) ?? "never"))
               + $" (seeds {Seeds(runs)})";
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
        if (rule.Count is { } claim)
            // A fact of the architecture: any run's count, whether or not it trained, under any profile.
            return Measured(row, rule, runs) with { Verdict = claim.HeldBy(runs[0].Parameters) ? Verdict.Held : Verdict.DidNotHold, Note = CountRule(claim.Kind) };
        if (runs.Select(r => r.NotComparableReason).FirstOrDefault(r => r is not null) is { } reason)
            return Measured(row, rule, runs) with { Verdict = Verdict.NotComparable, Reason = reason, Note = "not trained as the write-up describes" };
        if (rule.Kind == ClaimKind.Reported)
            return Measured(row, rule, healthy.Count > 0 ? healthy : runs) with { Verdict = Verdict.Reported, Note = rule.Why!(runs) };
        if (healthy.Count == 0)
            return row with { Verdict = Verdict.RunFailed, Note = "no run trained to a usable model" };
        if (healthy.Any(r => rule.Measure(r) is null))
            return Measured(row, rule, healthy) with { Verdict = Verdict.NotComparable, Reason = rule.Missing ?? "not measured" };

        var values = healthy.Select(r => rule.Measure(r)!.Value).ToList();
        if (rule.Kind == ClaimKind.OrderOfMagnitude)
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

        var spread = healthy.Count == 1 ? borrowed?.Invoke(rule.Claim) : null;
        var mean = values.Average();
        var size = healthy.Min(r => rule.SampleSize!(r));
        var p = Math.Clamp(mean, 0, 1);
        var interval = CombinedInterval.Of(values, Proportion.Variance(p, size), spread);
        var (low, high) = Proportion.Cut(interval.Low, interval.High);
        var rounding = rule.Kind == ClaimKind.AtLeast ? rule.Rounding ?? spec.Documented.Rounding : 0;
        var (line, verdict) = Outcome(rule.Kind, documented, rounding, low, high);
        var notes = new List<string>();
        if (healthy.Count < runs.Count) notes.Add(Invariant($"{runs.Count - healthy.Count} failed run(s) left out"));
        if (healthy.Count == 1)
            notes.Add(interval.Seeds is { } s ? $"1 seed: seed variance from {s.Source}"
                : "1 seed: sampling-only interval");
        if (rule.Why is { } why) notes.Add(why(healthy));
        var exceeded = rule.Kind == ClaimKind.AtLeast && low > documented + rounding
            ? Invariant($"exceeded by {(mean - documented) * 100:0.00} {(rule.Unit == ClaimUnit.Accuracy ? "pp" : "points")}") : null;
        if (exceeded is not null) notes.Add(exceeded);
        return row with
        {
            Rounding = rule.Kind == ClaimKind.AtLeast ? rounding : null, Line = line, N = interval.N, Seeds = Seeds(healthy),
            Measured = mean, SeedSd = interval.Seeds is { } sd ? Math.Sqrt(sd.Variance) : null, SeedDf = interval.Seeds?.DegreesOfFreedom,
            SeedVarianceFrom = interval.Seeds?.Source ?? "none", SamplingSd = Math.Sqrt(interval.SamplingVariance),
            Df = double.IsPositiveInfinity(interval.DegreesOfFreedom) ? null : interval.DegreesOfFreedom, T = interval.Quantile,
            CiLow = low, CiHigh = high, Verdict = verdict, Note = string.Join("; ", notes), Exceeded = exceeded is not null,
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

    static ClaimVerdict Row(ModelSpec spec, RunFacts run) =>
        new() { WriteUp = spec.WriteUp, Model = spec.Id, Device = run.Device, ProbeOf = spec.ProbeOf ?? "" };

    static string Seeds(IEnumerable<RunFacts> runs) => string.Join(' ', runs.Select(r => r.Seed.ToString(CultureInfo.InvariantCulture)));

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
