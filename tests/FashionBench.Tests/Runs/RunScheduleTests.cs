using FashionBench.Harness.Runs;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Runs;

public class RunScheduleTests
{
    [Test]
    public void MakespanGivesEachRunToTheFirstWorkerThatFreesUp()
    {
        Assert.That(RunSchedule.Makespan([5, 4, 3, 3, 2], workers: 1), Is.EqualTo(17));
        // A takes 5, B 4; B frees first and takes 3 (→ 7), A the next 3 (→ 8), B the 2 (→ 9).
        Assert.That(RunSchedule.Makespan([5, 4, 3, 3, 2], workers: 2), Is.EqualTo(9));
        Assert.That(RunSchedule.Makespan([5, 4, 3], workers: 8), Is.EqualTo(5));
        Assert.That(RunSchedule.Makespan([], workers: 2), Is.EqualTo(0));
        Assert.That(() => RunSchedule.Makespan([1], workers: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void LongestFirstOrdersByCostAndKeepsPlanOrderOnTies()
    {
        var runs = new[] { ("a", 1.0), ("b", 3.0), ("c", 1.0), ("d", 2.0) };
        Assert.That(RunSchedule.LongestFirst(runs, r => r.Item2).Select(r => r.Item1), Is.EqualTo(new[] { "b", "d", "a", "c" }));
    }

    [Test]
    public void CostCountsEveryEpochsTrainingAndValidationImagesAndTheTestSet()
    {
        var (spec, config) = RunMatrix.Plan(Profile.Get("documented"), "fashion-cnn/aug-dropout", 1, 1, "cpu", Shard.Whole).Single();
        var flops = FashionBench.Models.Building.SpecCost.Of(spec).ForwardFlops;
        Assert.That(RunSchedule.Cost(spec, config), Is.EqualTo((10.0 * (3 * 54_000 + 6_000) + 10_000) * flops));

        // The documented matrix starts with its most expensive run (se-resnet, 57 TFLOP) and ends with its cheapest.
        var plan = RunMatrix.Plan(Profile.Get("documented"), null, 1, 1, "cpu", Shard.Whole);
        var order = RunSchedule.LongestFirst(plan, p => RunSchedule.Cost(p.Spec, p.Config)).Select(p => p.Spec.Id).ToList();
        Assert.That(order.First(), Is.EqualTo("se-resnet"));
        Assert.That(order.Last(), Is.EqualTo("tinyvgg/v1-linear"));
    }
}
