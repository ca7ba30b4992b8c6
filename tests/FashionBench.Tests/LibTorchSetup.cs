using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests;

/// <summary>
/// Applies FASHIONBENCH_CPU_ISA and loads the libtorch named by FASHIONBENCH_LIBTORCH before any test touches
/// TorchSharp, as the CLI does: a test build made with -p:TorchBackend=cuda bundles none. With the bundled CPU build
/// and both variables unset it does nothing.
/// </summary>
[SetUpFixture]
public class LibTorchSetup
{
    [OneTimeSetUp]
    public void LoadLibTorch()
    {
        KernelIsa.ApplyFromEnvironment();
        LibTorchLoader.Preload(null, message => TestContext.Progress.WriteLine($"notice: {message}"));
    }
}
