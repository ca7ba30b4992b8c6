using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Tests.Runs;

public class DeviceSelectorTests
{
    [Test]
    public void AutoFallsBackToTheCpuWithANoticeWhenCudaIsNotUsable()
    {
        if (cuda.is_available()) Assert.Ignore("this machine has CUDA: auto picks it");
        var notices = new List<string>();
        Assert.That(DeviceSelector.Resolve("auto", notices.Add).type, Is.EqualTo(DeviceType.CPU));
        Assert.That(notices, Has.One.Contains("no CUDA device is usable; running on cpu"));
    }

    [Test]
    public void CpuIsCpuWithoutNotice()
    {
        var notices = new List<string>();
        Assert.That(DeviceSelector.Resolve("cpu", notices.Add).type, Is.EqualTo(DeviceType.CPU));
        Assert.That(notices, Is.Empty);
    }
}
