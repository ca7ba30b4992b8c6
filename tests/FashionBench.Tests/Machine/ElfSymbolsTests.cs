using FashionBench.Harness.Machine;
using NUnit.Framework;

namespace FashionBench.Tests.Machine;

/// <summary>The ELF symbol-table reader finds local symbols of the bundled libtorch, and nothing in what is not an ELF.</summary>
public class ElfSymbolsTests
{
    [Test, Platform("Linux")]
    public void FindsALocalSymbolOfLibTorchThatDlsymCannotSee()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cpu.so");
        if (!File.Exists(path)) Assert.Ignore($"no bundled {path} (a TorchBackend=cuda build)");
        var found = ElfSymbols.Find(path, ["dnnl_get_effective_cpu_isa", "_ZN2at13globalContextEv", "no_such_symbol"]);
        Assert.That(found.Keys, Is.EquivalentTo(new[] { "dnnl_get_effective_cpu_isa", "_ZN2at13globalContextEv" }));
        Assert.That(found.Values.All(s => s.Value > 0 && s.Size > 0));
    }

    [Test]
    public void AFileThatIsNotAnElfOrIsCutShortFindsNothing()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.That(ElfSymbols.Find(file, ["main"]), Is.Empty, "an empty file");
            File.WriteAllText(file, new string('x', 100));
            Assert.That(ElfSymbols.Find(file, ["main"]), Is.Empty);
            var header = new byte[64];                                  // an ELF64 header whose 5 sections lie past the end
            "\u007fELF"u8.CopyTo(header);
            (header[4], header[5]) = (2, 1);
            BitConverter.GetBytes(4096L).CopyTo(header, 0x28);
            BitConverter.GetBytes((short)64).CopyTo(header, 0x3A);
            BitConverter.GetBytes((short)5).CopyTo(header, 0x3C);
            File.WriteAllBytes(file, header);
            Assert.That(ElfSymbols.Find(file, ["main"]), Is.Empty);
        }
        finally { File.Delete(file); }
    }
}
