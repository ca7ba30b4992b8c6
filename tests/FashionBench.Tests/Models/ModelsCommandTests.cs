using System.Globalization;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Tests.Cli;
using NUnit.Framework;

namespace FashionBench.Tests.Models;

/// <summary>`fashionbench models --csv`: one row per catalogue model, with the columns the README lists.</summary>
public class ModelsCommandTests
{
    [Test]
    public void TheCsvHasParametersAndForwardFlopsOfEveryModel()
    {
        var (exit, lines, _) = CliRun.Run("models", "--csv");
        Assert.That(exit, Is.Zero);
        Assert.That(lines[0], Is.EqualTo("id,dataset,params,forward_mflops,documented_accuracy,source"));
        Assert.That(lines, Has.Length.EqualTo(ModelCatalog.All.Count + 1));
        var model1 = lines.Single(l => l.StartsWith("mnist-8k/model1,", StringComparison.Ordinal)).Split(',');
        var cost = SpecCost.Of(ModelCatalog.Find("mnist-8k/model1")!);
        Assert.That(model1[2], Is.EqualTo("7108"));
        Assert.That(double.Parse(model1[3], CultureInfo.InvariantCulture), Is.EqualTo(cost.ForwardFlops / 1e6).Within(0.0005));
    }
}
