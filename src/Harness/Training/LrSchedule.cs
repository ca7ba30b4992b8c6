using FashionBench.Models;

namespace FashionBench.Harness.Training;

/// <summary>
/// The learning-rate (and, for OneCycle, momentum) schedule as a pure function of progress plus the small
/// ReduceLROnPlateau state, so a resumed run sets exactly the values an uninterrupted one would have.
/// Formulas follow PyTorch's StepLR, ReduceLROnPlateau (mode min, rel threshold 1e-4) and OneCycleLR (cos).
/// </summary>
public sealed class LrSchedule(ScheduleSpec spec, double baseLr, long totalSteps)
{
    /// <summary>Plateau state: the current lr, the best validation loss and epochs since it.</summary>
    public PlateauState Plateau { get; set; } = new(baseLr, double.PositiveInfinity, 0);

    public bool StepsPerBatch => spec is OneCycle;

    /// <summary>Learning rate for the batch at global step <paramref name="step"/> (0-based) of epoch <paramref name="epoch"/>.</summary>
    public double LearningRate(int epoch, long step) => spec switch
    {
        ConstantLr => baseLr,
        StepLr s => baseLr * Math.Pow(s.Gamma, epoch / s.StepEpochs),
        ReduceOnPlateau => Plateau.Lr,
        OneCycle o => OneCycleValue(o, step, o.MaxLr / o.DivFactor, o.MaxLr, o.MaxLr / o.DivFactor / o.FinalDivFactor),
        _ => throw new ArgumentException($"unknown schedule {spec}"),
    };

    /// <summary>SGD momentum for the step under OneCycle with cycle_momentum (0.95 → 0.85 → 0.95); null otherwise.</summary>
    public double? Momentum(long step) => spec is OneCycle { CycleMomentum: true } o
        ? OneCycleValue(o, step, 0.95, 0.85, 0.95)
        : null;

    /// <summary>Called once per epoch with the validation loss (ReduceLROnPlateau only).</summary>
    public void EndEpoch(double validationLoss)
    {
        if (spec is not ReduceOnPlateau p) return;
        var (lr, best, bad) = Plateau;
        if (validationLoss < best * (1 - 1e-4)) (best, bad) = (validationLoss, 0);
        else bad++;
        if (bad > p.Patience) (lr, bad) = (Math.Max(lr * p.Factor, p.MinLr), 0);
        Plateau = new PlateauState(lr, best, bad);
    }

    // PyTorch OneCycleLR, anneal_strategy='cos', three_phase=False: warm up to the peak over pct_start of the steps,
    // then anneal to the end value.
    double OneCycleValue(OneCycle o, long step, double start, double peak, double end)
    {
        var warmupEnd = o.PctStart * totalSteps - 1;
        var last = totalSteps - 1;
        return step <= warmupEnd
            ? Cosine(start, peak, step / warmupEnd)
            : Cosine(peak, end, (step - warmupEnd) / (last - warmupEnd));
    }

    static double Cosine(double from, double to, double fraction) =>
        to + (from - to) / 2 * (Math.Cos(Math.PI * fraction) + 1);
}

public sealed record PlateauState(double Lr, double BestLoss, int BadEpochs);
