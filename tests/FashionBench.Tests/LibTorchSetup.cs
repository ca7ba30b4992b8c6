using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests;

/// <summary>
/// Loads the libtorch named by FASHIONBENCH_LIBTORCH before any test touches TorchSharp, as the CLI does: a test
/// build made with -p:TorchBackend=cuda bundles none. With the bundled CPU build and the variable unset it does nothing.
/// </summary>
[SetUpFixture]
public class LibTorchSetup
{
    [OneTimeSetUp]
    public void LoadLibTorch() => LibTorchLoader.Preload(null, message => TestContext.Progress.WriteLine($"notice: {message}"));
}
