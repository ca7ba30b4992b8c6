using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using NUnit.Framework;

namespace FashionBench.Tests;

/// <summary>
/// Applies FASHIONBENCH_CPU_ISA and loads the libtorch named by FASHIONBENCH_LIBTORCH before any test touches
/// TorchSharp, as the CLI does (a test build made with -p:TorchBackend=cuda bundles none), then runs the kernel
/// self-check, which switches oneDNN's convolutions off on a CPU where they compute wrong results.
/// </summary>
[SetUpFixture]
public class LibTorchSetup
{
    [OneTimeSetUp]
    public void LoadLibTorch()
    {
        KernelIsa.ApplyFromEnvironment();
        LibTorchLoader.Preload(null, Notice);
        KernelCheck.Ensure(Notice);                    // applies the kernel remedy this CPU needs, as the CLI does
    }

    static void Notice(string message) => TestContext.Progress.WriteLine($"notice: {message}");
}
