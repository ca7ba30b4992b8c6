using FashionBench.Models;
using FashionBench.Models.Building;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Models;

public class CatalogTests
{
    static IEnumerable<ModelSpec> Specs() => ModelCatalog.All;

    [Test]
    public void IdsAreUniqueAndTheDocumentedMatrixIsComplete()
    {
        var ids = ModelCatalog.All.Select(s => s.Id).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Is.SupersetOf(new[]
        {
            "se-cnn", "se-resnet",
            "keras-cnn/relu-maxpool-adam", "keras-cnn/leakyrelu-maxpool-adam", "keras-cnn/relu-strided-adam",
            "keras-cnn/leakyrelu-strided-adam", "keras-cnn/relu-maxpool-sgd",
            "fashion-cnn/aug-dropout", "fashion-cnn/no-aug", "fashion-cnn/no-dropout", "fashion-cnn/alternative",
            "fashion-cnn/logreg", "fashion-cnn/lr-0.01", "fashion-cnn/lr-0.0001",
            "tinyvgg/v1-linear", "tinyvgg/v2", "tinyvgg/v3",
            "mnist-8k/model1", "mnist-8k/model2", "mnist-8k/model3",
        }));
        Assert.That(ModelCatalog.All.Count(s => s.Extended), Is.EqualTo(3), "three keras-cnn combinations are extended-only");
        foreach (var spec in ModelCatalog.All.Where(s => s.Baseline is not null))
            Assert.That(ModelCatalog.Find(spec.Baseline!), Is.Not.Null, spec.Id);
    }

    [TestCaseSource(nameof(Specs))]
    public void BuiltModuleMatchesTheSpecsParameterCountAndEmitsTenLogits(ModelSpec spec)
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        using var module = TorchBuilder.Build(spec);
        var parameters = module.parameters().Sum(p => p.numel());
        Assert.That(parameters, Is.EqualTo(SpecCost.Of(spec).Parameters));
        module.eval();
        var logits = module.forward(zeros(3, 1, 28, 28));
        Assert.That(logits.shape, Is.EqualTo(new long[] { 3, 10 }));
    }

    [Test]
    public void Mnist8kModel1HasExactlyTheDocumented7108Parameters() =>
        Assert.That(SpecCost.Of(ModelCatalog.Find("mnist-8k/model1")!).Parameters, Is.EqualTo(7_108));

    [Test]
    public void FashionCnnMainHasTheCountItsArchitectureImpliesNotTheClaimed310K()
    {
        long conv(long cin, long cout) => cin * cout * 9 + cout;
        long bn(long c) => 2 * c;
        var expected = conv(1, 32) + bn(32) + conv(32, 64) + bn(64) + conv(64, 128) + bn(128)
                       + (6272 * 256 + 256) + (256 * 10 + 10);
        Assert.That(expected, Is.EqualTo(1_701_578));
        var spec = ModelCatalog.Find("fashion-cnn/aug-dropout")!;
        Assert.That(SpecCost.Of(spec).Parameters, Is.EqualTo(expected));
        Assert.That(spec.Documented.Parameters!.HeldBy(expected), Is.False);
    }

    [Test]
    public void KerasCnnVariantsMeetTheUnderOneMillionClaim()
    {
        foreach (var spec in ModelCatalog.All.Where(s => s.Id.StartsWith("keras-cnn/")))
            Assert.That(spec.Documented.Parameters!.HeldBy(SpecCost.Of(spec).Parameters), Is.True, spec.Id);
    }

    [Test]
    public void ForwardFlopsOfTheMainFashionCnnAre18Mflop()
    {
        var flops = SpecCost.Of(ModelCatalog.Find("fashion-cnn/aug-dropout")!).ForwardFlops;
        Assert.That(flops / 1e6, Is.EqualTo(18.1).Within(0.3));
    }

    [Test]
    public void MatchTakesGlobsAndCommaLists()
    {
        Assert.That(ModelCatalog.Match("mnist-8k/*", ModelCatalog.All).Count, Is.EqualTo(3));
        Assert.That(ModelCatalog.Match("se-cnn, tinyvgg/v2", ModelCatalog.All).Select(s => s.Id),
            Is.EqualTo(new[] { "se-cnn", "tinyvgg/v2" }));
    }

    [Test]
    public void TheCatalogueIsAListOfWriteUpsEachStampingItsModels()
    {
        Assert.That(ModelCatalog.WriteUps.Select(w => w.Number), Is.EqualTo(new[] { "000", "001", "002", "003", "004" }));
        Assert.That(ModelCatalog.All, Is.EqualTo(ModelCatalog.WriteUps.SelectMany(w => w.Specs).Concat(ModelCatalog.WriteUps.SelectMany(w => w.Probes))));
        foreach (var writeUp in ModelCatalog.WriteUps)
        {
            Assert.That(writeUp.File, Does.StartWith(writeUp.Number + "_").And.EndWith(".txt"));
            Assert.That(writeUp.Specs.Concat(writeUp.Probes).Select(s => s.WriteUp).Distinct(), Is.EqualTo(new[] { writeUp.Number }), writeUp.Number);
        }
        Assert.That(ModelCatalog.WriteUps.Where(w => w.ShowsFilters).Select(w => w.Number), Is.EqualTo(new[] { "001" }));
        Assert.That(ModelCatalog.FindWriteUp("002")!.Families, Is.EqualTo(new[] { "fashion-cnn" }));
        Assert.That(ModelCatalog.FindWriteUp("999"), Is.Null);
    }

    [Test]
    public void EveryWriteUpFileIsOneOfTheSharedWriteUps()
    {
        var seeds = Path.GetFullPath(Path.Combine(FashionBench.Harness.RepoRoot.Find(), "..", "shared", "seeds"));
        if (!Directory.Exists(seeds)) Assert.Ignore($"the shared write-ups are not at {seeds}");
        foreach (var writeUp in ModelCatalog.WriteUps)
            Assert.That(File.Exists(Path.Combine(seeds, writeUp.File)), writeUp.File);
    }
}
