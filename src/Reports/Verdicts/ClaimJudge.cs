using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Reports.Verdicts;

/// <summary>
/// The verdict rules, as pure functions of a write-up's claims and a run's measurements:
/// <list type="bullet">
/// <item>a test-accuracy (or macro-F1) value holds when measured ≥ documented − <see cref="AccuracyTolerance"/>;</item>
/// <item>a lower bound ("over 90 %") holds when measured &gt; bound;</item>
/// <item>a best-epoch claim is compared with the best validation accuracy when validation is the test set;</item>
/// <item>a parameter claim holds by <see cref="ParameterClaim.HeldBy"/>, whatever the profile;</item>
/// <item>a per-class F1 holds when measured ≥ documented − 2 pp;</item>
/// <item>accuracy-type claims of a run not trained as documented are not comparable (profile).</item>
/// </list>
/// </summary>
public static class ClaimJudge
{
    public const double PerClassF1Tolerance = 0.02;

    /// <summary>Every verdict for one run: test accuracy first (or "nothing documented"), then the other claims.</summary>
    public static IReadOnlyList<ClaimVerdict> Judge(DocumentedResults documented, RunFacts run)
    {
        var verdicts = new List<ClaimVerdict> { TestAccuracy(documented, run) };
        verdicts.AddRange(AccuracyAtEpochs(documented, run));
        if (documented.MacroF1 is { } f1) verdicts.Add(MacroF1(f1, run));
        if (documented.Parameters is { } parameters) verdicts.Add(Parameters(parameters, run));
        verdicts.AddRange(documented.PerClassF1.Select(c => PerClassF1(c.Key, c.Value, run)));
        verdicts.AddRange(NotJudged(documented, run));
        return verdicts;
    }

    public static ClaimVerdict TestAccuracy(DocumentedResults documented, RunFacts run)
    {
        if (documented.TestAccuracy is not { } claim)
            return Row(run, "test accuracy", ClaimUnit.Accuracy, null, run.TestAccuracy) with { Verdict = Verdict.NothingDocumented };
        if (documented.TestAccuracyIsLowerBound)
            return Compared(Row(run, "test accuracy (lower bound)", ClaimUnit.Accuracy, claim, run.TestAccuracy) with { Qualifier = ">" },
                run, run.TestAccuracy > claim);
        // "Best test accuracy" over epochs: the run's best epoch on the same (test) set, when it validated on it.
        var bestEpoch = documented.TestAccuracyIsBestEpoch && run.ValidatesOnTest;
        var measured = bestEpoch ? run.BestValidationAccuracy : run.TestAccuracy;
        return AtLeast(run, bestEpoch ? "best-epoch test accuracy" : "test accuracy", claim, measured);
    }

    /// <summary>
    /// Per-epoch test accuracies, read from the validation curve (which is the test set when the write-up validated
    /// on it). A per-epoch value equal to the final-accuracy claim is that same sentence again and is not counted twice.
    /// </summary>
    public static IEnumerable<ClaimVerdict> AccuracyAtEpochs(DocumentedResults documented, RunFacts run) =>
        documented.TestAccuracyAtEpoch.Where(e => e.Value != documented.TestAccuracy).OrderBy(e => e.Key).Select(e =>
        {
            var claim = $"test accuracy at epoch {e.Key}";
            if (!run.ValidatesOnTest)
                return Row(run, claim, ClaimUnit.Accuracy, e.Value, null) with { Verdict = Verdict.NotComparable, Reason = "no per-epoch test accuracy" };
            return run.ValidationAccuracyByEpoch.TryGetValue(e.Key, out var measured)
                ? AtLeast(run, claim, e.Value, measured)
                : Row(run, claim, ClaimUnit.Accuracy, e.Value, null) with { Verdict = Verdict.NotComparable, Reason = run.NotComparableReason ?? "run ended earlier" };
        });

    public static ClaimVerdict MacroF1(double documented, RunFacts run)
    {
        var tolerance = AccuracyTolerance.Of(documented, run.TestImages);
        return Compared(Row(run, "macro F1", ClaimUnit.Score, documented, run.MacroF1) with { Tolerance = tolerance },
            run, run.MacroF1 >= documented - tolerance);
    }

    public static ClaimVerdict Parameters(ParameterClaim claim, RunFacts run)
    {
        var (name, qualifier) = claim.Kind switch
        {
            ParameterClaimKind.Exact => ("parameters (exact)", ""),
            ParameterClaimKind.UpperBound => ("parameters (upper bound)", "<"),
            _ => ("parameters (±25 %)", "~"),
        };
        return Row(run, name, ClaimUnit.Count, claim.Value, run.Parameters) with
        {
            Qualifier = qualifier,
            Verdict = claim.HeldBy(run.Parameters) ? Verdict.Held : Verdict.DidNotHold,
        };
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

    public static ClaimVerdict PerClassF1(string className, double documented, RunFacts run)
    {
        var claim = $"F1 of {className}";
        if (!run.PerClassF1.TryGetValue(className, out var measured))
            return Row(run, claim, ClaimUnit.Score, documented, null) with { Verdict = Verdict.NotComparable, Reason = "no such class" };
        return Compared(Row(run, claim, ClaimUnit.Score, documented, measured) with { Tolerance = PerClassF1Tolerance },
            run, measured >= documented - PerClassF1Tolerance);
    }

    /// <summary>Documented numbers without a rule (hardware-bound epoch time; losses and training accuracy under augmentation and dropout).</summary>
    public static IEnumerable<ClaimVerdict> NotJudged(DocumentedResults documented, RunFacts run)
    {
        var validationName = run.ValidatesOnTest ? "best validation (= test) accuracy" : "best validation accuracy";
        if (documented.ValidationAccuracy is { } va) yield return Shown(run, validationName, ClaimUnit.Accuracy, va, run.BestValidationAccuracy);
        if (documented.ValidationLoss is { } vl) yield return Shown(run, "lowest validation loss", ClaimUnit.Loss, vl, run.MinValidationLoss);
        if (documented.TrainAccuracy is { } ta) yield return Shown(run, "best training accuracy", ClaimUnit.Accuracy, ta, run.BestTrainAccuracy);
        if (documented.EpochSeconds is { } es) yield return Shown(run, "epoch time", ClaimUnit.Seconds, es, run.EpochSecondsMedian);
    }

    /// <summary>Holds when measured ≥ documented − tolerance (accuracy tolerance on the run's test-set size).</summary>
    static ClaimVerdict AtLeast(RunFacts run, string claim, double documented, double measured)
    {
        var tolerance = AccuracyTolerance.Of(documented, run.TestImages);
        return Compared(Row(run, claim, ClaimUnit.Accuracy, documented, measured) with { Tolerance = tolerance },
            run, measured >= documented - tolerance);
    }

    static ClaimVerdict Compared(ClaimVerdict row, RunFacts run, bool held) =>
        run.NotComparableReason is { } reason ? row with { Verdict = Verdict.NotComparable, Reason = reason }
        : row with { Verdict = held ? Verdict.Held : Verdict.DidNotHold };

    static ClaimVerdict Shown(RunFacts run, string claim, ClaimUnit unit, double documented, double measured) =>
        Row(run, claim, unit, documented, measured) with { Verdict = Verdict.NotJudged };

    static ClaimVerdict Row(RunFacts run, string claim, ClaimUnit unit, double? documented, double? measured) =>
        new() { RunId = run.RunId, Model = run.Model, Seed = run.Seed, Claim = claim, Unit = unit, Documented = documented, Measured = measured };
}
