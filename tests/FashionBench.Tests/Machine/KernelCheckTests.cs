using FashionBench.Harness.Machine;
using FashionBench.Models;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Machine;

/// <summary>The kernel self-check: it passes sound kernels, and it catches a wrong or unrepeatable one.</summary>
public class KernelCheckTests
{
    [Test]
    public void EveryOperationAndTheSmallestModelPassOnThisMachineWithinTheirTolerances()
    {
        var cache = Directory.CreateTempSubdirectory("fb-kernel-cache-").FullName;
        var saved = Environment.GetEnvironmentVariable("FASHIONBENCH_CACHE_DIR");
        Environment.SetEnvironmentVariable("FASHIONBENCH_CACHE_DIR", cache);
        KernelCheckReport report;
        try { report = KernelCheck.Check([ModelCatalog.Find("mnist-8k/model1")!]); }
        finally { Environment.SetEnvironmentVariable("FASHIONBENCH_CACHE_DIR", saved); }
        Assert.That(Directory.EnumerateFiles(cache), Is.Empty, "a check of part of the catalogue never stands in for the whole");
        Directory.Delete(cache, recursive: true);
        Assert.That(report.Passed, Is.True, report.Summary);
        Assert.That(report.Rows.Select(r => r.Operation).Distinct(), Has.Some.StartsWith("conv 10→10 7×7")
            .And.Some.StartsWith("batch norm").And.Some.StartsWith("SGD").And.Some.StartsWith("Adam")
            .And.Some.EqualTo("model mnist-8k/model1"));
        Assert.That(report.Rows.Where(r => !r.Normwise).Max(r => r.RelativeError), Is.LessThan(ProbeOutput.OperationTolerance / 5),
            "sound float32 kernels sit far below the tolerance");
        Assert.That(report.Threads, Is.EqualTo(get_num_threads()));
        Assert.That(KernelCheck.Ensure(_ => { }).Passed, Is.True);
        Assert.That(KernelCheck.Current, Is.Not.Null);
    }

    [Test]
    public void AKernelThatIsWrongInFloat32FailsItsRowAndNamesIt()
    {
        // A "convolution" whose float32 result is off by 0.1 % of its scale in one element: just past the tolerance.
        var wrong = new KernelProbe("corrupted op", dtype =>
        {
            var y = ones(100, dtype: dtype);
            if (dtype == float32) y[7] = tensor(1.002f);
            return [ProbeOutput.Operation("forward", y)];
        });
        var row = KernelCheck.Run([wrong]).Single();
        Assert.That(row.Passed, Is.False);
        Assert.That(row.RelativeError, Is.EqualTo(0.002).Within(1e-6));
        Assert.That(row.Describe(), Does.StartWith("corrupted op forward: relative error 2.0e-03"));
    }

    [Test]
    public void ANonFiniteOrUnrepeatableResultFails()
    {
        var calls = 0;
        var rows = KernelCheck.Run([
            new KernelProbe("nan op", dtype => [ProbeOutput.Operation("forward", dtype == float32 ? full(3, float.NaN) : ones(3, dtype: dtype))]),
            new KernelProbe("drifting op", dtype => [ProbeOutput.Operation("forward", ones(3, dtype: dtype) * (dtype == float32 ? 1 + 1e-6 * ++calls : 1))]),
        ]);
        Assert.That(rows[0].Passed, Is.False);
        Assert.That(double.IsNaN(rows[0].RelativeError));
        Assert.That(rows[1].RelativeError, Is.LessThan(1e-5), "close to float64 …");
        Assert.That(rows[1].Repeatable, Is.False, "… but two identical calls disagree");
        Assert.That(rows[1].Passed, Is.False);
    }

    [Test]
    public void WholeModelsAreJudgedInNormSoOneMovedElementDoesNotFailThem()
    {
        var reference = ones(10_000, dtype: float64);
        var moved = reference.to(float32).clone();
        moved[42] = tensor(0f);                             // e.g. a max-pool winner that moved under rounding
        Assert.That(KernelCheck.RelativeError(moved, reference, normwise: false), Is.EqualTo(1.0));
        Assert.That(KernelCheck.RelativeError(moved, reference, normwise: true), Is.EqualTo(0.01).Within(1e-9));
    }

    [Test, Platform("Linux")]
    public void OneDnnsConvolutionsCanBeSwitchedOffAndLibTorchsOwnAreThenChecked()
    {
        var before = OneDnn.Enabled;                        // on, unless the set-up found this CPU needs them off
        try
        {
            OneDnn.Enable(false);
            Assert.That(OneDnn.Enabled, Is.False);
            var rows = KernelCheck.Run(KernelProbe.All([]).Where(p => p.Operation.StartsWith("conv ")).ToList());
            Assert.That(rows, Has.Count.EqualTo(9 * 4), "the nine fixed convolution shapes, four outputs each");
            Assert.That(rows.All(r => r.Passed), string.Join("; ", rows.Where(r => !r.Passed).Select(r => r.Describe())));
        }
        finally { OneDnn.Enable(before); }
        Assert.That(OneDnn.Enabled, Is.EqualTo(before));
    }
}
