using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Tests.Build;

/// <summary>The GLIBCXX_3.4.32 work-around in Directory.Build.targets: libtorch loads and trains here.</summary>
public class LibTorchLoadTests
{
    const string Version = "GLIBCXX_3.4.32";

    static string PackageLibrary() => Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Test]
    public void ForwardAndBackwardPassRun()
    {
        using var scope = NewDisposeScope();
        var layer = nn.Linear(3, 2);
        var x = randn(4, 3);
        var loss = layer.forward(x).pow(2).sum();
        loss.backward();
        Assert.That(layer.weight!.grad, Is.Not.Null);
        Assert.That(layer.weight.grad!.abs().sum().item<float>(), Is.GreaterThan(0f));
    }

    [Test]
    public void CopiedLibraryIsWeakenedExactlyWhenTheSystemLacksTheVersion()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("ELF patch applies to Linux only");
        var copied = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.That(File.Exists(copied), Is.True, copied);
        var weak = (ElfVersionNeed.FlagsOf(copied, Version)!.Value & ElfVersionNeed.VerFlgWeak) != 0;
        Assert.That(weak, Is.EqualTo(!ElfVersionNeed.SystemLibraryProvides("libstdc++.so.6", Version)));
    }

    [Test]
    public void MarkWeakSetsOnlyTheWeakFlagAndIsIdempotent()
    {
        var original = PackageLibrary();
        if (!File.Exists(original)) Assert.Ignore($"package copy not found: {original}");
        var copy = Path.Combine(Path.GetTempPath(), $"libLibTorchSharp-{Guid.NewGuid():N}.so");
        File.Copy(original, copy);
        try
        {
            Assert.That(ElfVersionNeed.FlagsOf(copy, Version), Is.EqualTo((ushort)0), "package copy is untouched");
            var before = File.ReadAllBytes(copy);
            Assert.That(ElfVersionNeed.MarkWeak(copy, Version), Is.True);
            Assert.That(ElfVersionNeed.FlagsOf(copy, Version), Is.EqualTo(ElfVersionNeed.VerFlgWeak));
            var after = File.ReadAllBytes(copy);
            var changed = Enumerable.Range(0, before.Length).Count(i => before[i] != after[i]);
            Assert.That(changed, Is.EqualTo(1), "exactly one byte (the vna_flags low byte) differs");
            Assert.That(ElfVersionNeed.MarkWeak(copy, Version), Is.False, "second run changes nothing");
            Assert.That(ElfVersionNeed.FlagsOf(copy, "GLIBCXX_9.9.99"), Is.Null);
        }
        finally { File.Delete(copy); }
    }

    [Test]
    public void RejectsNonElfInput()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "not an elf");
        try { Assert.Throws<InvalidDataException>(() => ElfVersionNeed.FlagsOf(path, Version)); }
        finally { File.Delete(path); }
    }
}
