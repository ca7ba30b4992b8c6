using FashionBench.Harness.Runs;
using FashionBench.Harness.Timing;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

public class TrainThroughputPlanTests
{
    static (ModelSpec, RunConfig) Run(string id, string profile) =>
        RunMatrix.Plan(Profile.Get(profile), id, 1, 1, "cpu", Shard.Whole).Single();

    [Test]
    public void ImageCountsFollowTheHoldOutAndTheProfileLimits()
    {
        var (_, documented) = Run("fashion-cnn/aug-dropout", "documented");     // 10 % held out
        Assert.That(documented.Images(), Is.EqualTo((54_000L, 6_000L, 10_000L)));
        var (_, smoke) = Run("fashion-cnn/aug-dropout", "smoke");
        Assert.That(smoke.Images(), Is.EqualTo((1_800L, 200L, 1_000L)));
        var validatesOnTest = documented with { Recipe = documented.Recipe with { ValidationFraction = 0 } };
        Assert.That(validatesOnTest.Images(), Is.EqualTo((60_000L, 10_000L, 10_000L)));
    }

    [Test]
    public void EstimateIsEpochsTimesTrainAndValidationTimePlusOneTestPass()
    {
        var (spec, config) = Run("fashion-cnn/aug-dropout", "documented");
        var measured = new Dictionary<string, TrainThroughputRow>
        {
            [spec.Id] = new() { Model = spec.Id, ImagesPerSecond = 1000, EvalImagesPerSecond = 5000 },
        };
        var estimate = TrainThroughputPlan.Estimate([(spec, config)], measured).Single();
        Assert.That(estimate.EpochSeconds, Is.EqualTo(54 + 1.2).Within(1e-9));
        Assert.That(estimate.Seconds, Is.EqualTo(10 * 55.2 + 2).Within(1e-9));
        Assert.That(estimate.TrainFlops, Is.EqualTo(10.0 * 54_000 * 3 * FashionBench.Models.Building.SpecCost.Of(spec).ForwardFlops));
        Assert.That(() => TrainThroughputPlan.Estimate([(spec, config)], new Dictionary<string, TrainThroughputRow>()),
            Throws.ArgumentException.With.Message.Contains(spec.Id));
    }
}
