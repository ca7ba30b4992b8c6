using System.Diagnostics;
using FashionBench.Harness;
using NUnit.Framework;

namespace FashionBench.Tests.Build;

/// <summary>
/// build/fatbin-keep.py, which zeroes the GPU code of every architecture but one in a CUDA library before it is sent
/// to a GPU machine (build/gpu-check.sh): on a synthetic ELF file with two fatbin containers, separated by padding as
/// in ONNX Runtime's provider, it zeroes exactly the other architectures' payloads and changes no other byte.
/// </summary>
public sealed class FatbinKeepTests
{
    const int Payload = 96;

    // An ELF64 file: [ELF header][container 1: sm_80, sm_90][8 bytes padding][container 2: sm_75][.shstrtab][section headers].
    static (byte[] File, Dictionary<int, int> PayloadAt) SyntheticLibrary()
    {
        var body = new MemoryStream();
        var w = new BinaryWriter(body);
        var payloadAt = new Dictionary<int, int>();
        w.Write(new byte[64]);   // ELF header, filled in below
        var fatbinStart = (int)body.Position;
        void Container(params int[] architectures)
        {
            w.Write(0xBA55ED50u); w.Write((ushort)1); w.Write((ushort)16); w.Write((ulong)(architectures.Length * (64 + Payload)));
            foreach (var sm in architectures)
            {
                var header = new byte[64];
                BitConverter.GetBytes((ushort)2).CopyTo(header, 0);     // a cubin
                BitConverter.GetBytes(64u).CopyTo(header, 4);           // its header's size
                BitConverter.GetBytes((ulong)Payload).CopyTo(header, 8);
                BitConverter.GetBytes((uint)sm).CopyTo(header, 28);
                w.Write(header);
                payloadAt[sm] = (int)body.Position;
                w.Write(Enumerable.Repeat((byte)sm, Payload).ToArray());
            }
        }
        Container(80, 90);
        w.Write(new byte[8]);
        Container(75);
        var fatbinSize = (int)body.Position - fatbinStart;
        var names = "\0.nv_fatbin\0.shstrtab\0"u8.ToArray();
        var namesAt = (int)body.Position;
        w.Write(names);
        while (body.Position % 8 != 0) w.Write((byte)0);
        var sectionsAt = (int)body.Position;
        void Section(int name, int offset, int size)
        {
            w.Write(name); w.Write(1); w.Write(0UL); w.Write(0UL); w.Write((ulong)offset); w.Write((ulong)size);
            w.Write(0); w.Write(0); w.Write(1UL); w.Write(0UL);   // 64 bytes
        }
        w.Write(new byte[64]);                        // the null section
        Section(1, fatbinStart, fatbinSize);          // .nv_fatbin
        Section(12, namesAt, names.Length);           // .shstrtab
        var file = body.ToArray();
        "\u007fELF"u8.ToArray().CopyTo(file, 0);
        file[4] = 2; file[5] = 1;                      // 64-bit, little-endian
        BitConverter.GetBytes((ulong)sectionsAt).CopyTo(file, 0x28);
        BitConverter.GetBytes((ushort)64).CopyTo(file, 0x3A);   // section header size
        BitConverter.GetBytes((ushort)3).CopyTo(file, 0x3C);    // sections
        BitConverter.GetBytes((ushort)2).CopyTo(file, 0x3E);    // the names' section
        return (file, payloadAt);
    }

    static (int Exit, string Output) Keep(string library, int sm)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(RepoRoot.Find(), "build", "fatbin-keep.py"), library, sm.ToString() })
            start.ArgumentList.Add(argument);
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception) { Assert.Ignore("python3 is not installed"); return default; }
        using (process)
        {
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
    }

    [Test]
    public void OnlyTheKeptArchitecturesCodeSurvivesAndNothingElseChanges()
    {
        var (original, payloadAt) = SyntheticLibrary();
        var path = Path.Combine(Path.GetTempPath(), $"fb-fatbin-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, original);
        try
        {
            var (exit, output) = Keep(path, 90);
            Assert.That(exit, Is.Zero, output);
            var kept = File.ReadAllBytes(path);
            var expected = (byte[])original.Clone();
            foreach (var sm in new[] { 75, 80 }) Array.Clear(expected, payloadAt[sm], Payload);
            Assert.That(kept, Is.EqualTo(expected), "sm_75 and sm_80 zeroed, sm_90 and every header as they were");
            Assert.That(kept.AsSpan(payloadAt[90], Payload).ToArray(), Has.All.EqualTo((byte)90));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void AnArchitectureTheLibraryLacksLeavesItUnchangedAndFails()
    {
        var (original, _) = SyntheticLibrary();
        var path = Path.Combine(Path.GetTempPath(), $"fb-fatbin-{Guid.NewGuid():N}.so");
        File.WriteAllBytes(path, original);
        try
        {
            var (exit, output) = Keep(path, 100);
            Assert.That(exit, Is.Not.Zero);
            Assert.That(output, Does.Contain("no code for sm_100"));
            Assert.That(File.ReadAllBytes(path), Is.EqualTo(original));
        }
        finally { File.Delete(path); }
    }
}
