using FashionBench.Harness.Runs;
using FashionBench.Models;
using NUnit.Framework;

namespace FashionBench.Tests.Runs;

[TestFixture]
public sealed class ProfileTests
{
    /// <summary>The ci profile gives every model 400 optimiser steps, tinyvgg/v3 (and its probes) its override, and says so from the same numbers.</summary>
    [Test]
    public void TheCiProfileCountsStepsAndDescribesThemFromItsOwnNumbers()
    {
        var ci = Profile.Get("ci");
        var v3 = ModelCatalog.Find("tinyvgg/v3")!;
        var model1 = ModelCatalog.Find("mnist-8k/model1")!;
        var seCnn = ModelCatalog.Find("se-cnn")!;
        Assert.That((ci.StepsFor(v3), ci.StepsFor(ModelCatalog.All.First(s => s.ProbeOf == "tinyvgg/v3")), ci.StepsFor(model1)), Is.EqualTo((1_875, 1_875, 400)));
        Assert.That(ci.TrainLimitFor(v3), Is.EqualTo(60_000), "1,875 steps of 32: the whole training set");
        Assert.That(ci.TrainLimitFor(model1), Is.EqualTo(400 * 128), "no validation share");
        Assert.That(ci.TrainLimitFor(seCnn), Is.EqualTo((int)Math.Ceiling(400 * 64 / 0.9)), "the recipe's 10 % validation share on top");
        Assert.That(ci.Description, Is.EqualTo("1 epoch(s) of 400 optimiser steps (the first 400 × batch-size training images, plus the recipe's validation share; "
                                               + "tinyvgg/v3: 1,875 steps), tested on the full test set: the CI gate, in which every model learns"));
        Assert.That(Profile.Get("smoke").Description, Is.EqualTo(Profile.Get("smoke").Purpose), "a profile without steps is described by its purpose");
    }
}
