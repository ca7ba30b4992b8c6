// MSBuild task (compiled by RoslynCodeTaskFactory in build/LibTorch.targets, and by the tests):
// marks one symbol-version requirement of an ELF shared library weak.
//
// Why: TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for the marker symbol
// `std::ios_base_library_init`, which is never called. Debian 12 / Ubuntu 22.04 ship libstdc++ up to
// GLIBCXX_3.4.30, so the dynamic loader refuses the whole library. With VER_FLG_WEAK set on that one
// `.gnu.version_r` entry the loader only warns about a missing weak version and loads the library.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class WeakenVersionNeed : Microsoft.Build.Utilities.Task
{
    /// <summary>The ELF files to patch in place (missing files are skipped).</summary>
    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The version requirement to weaken, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string Version { get; set; } = "";

    /// <summary>The library that should provide it, e.g. libstdc++.so.6.</summary>
    [Required] public string ProvidedBy { get; set; } = "";

    public override bool Execute()
    {
        if (ElfVersionNeed.SystemLibraryProvides(ProvidedBy, Version))
        {
            Log.LogMessage(MessageImportance.Low, $"{ProvidedBy} provides {Version}; nothing to patch.");
            return true;
        }
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            try
            {
                var changed = ElfVersionNeed.MarkWeak(path, Version);
                Log.LogMessage(MessageImportance.Normal,
                    changed ? $"Marked {Version} weak in {path}" : $"{Version} already weak (or absent) in {path}");
            }
            catch (InvalidDataException e)
            {
                Log.LogError($"{path}: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }
}

/// <summary>Reads and edits the `.gnu.version_r` (SHT_GNU_verneed) section of a little-endian ELF64 file.</summary>
public static class ElfVersionNeed
{
    const uint ShtGnuVerneed = 0x6ffffffe;
    public const ushort VerFlgWeak = 0x2;

    static readonly string[] LibraryDirs =
    {
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    };

    /// <summary>True when a system copy of <paramref name="library"/> defines <paramref name="version"/>.</summary>
    public static bool SystemLibraryProvides(string library, string version)
    {
        var needle = Encoding.ASCII.GetBytes(version + "\0");
        foreach (var dir in LibraryDirs)
        {
            var path = Path.Combine(dir, library);
            if (File.Exists(path) && Contains(File.ReadAllBytes(path), needle)) return true;
        }
        return false;
    }

    /// <summary>Returns the vna_flags of the requirement named <paramref name="version"/>, or null when absent.</summary>
    public static ushort? FlagsOf(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        var offset = FindAux(elf, version);
        return offset < 0 ? null : BitConverter.ToUInt16(elf, offset + 4);
    }

    /// <summary>Sets VER_FLG_WEAK on the requirement; true when the file changed. Writes atomically.</summary>
    public static bool MarkWeak(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        var offset = FindAux(elf, version);
        if (offset < 0) return false;
        var flags = BitConverter.ToUInt16(elf, offset + 4);
        if ((flags & VerFlgWeak) != 0) return false;
        BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(elf, offset + 4);
        var temp = path + ".weak.tmp";
        File.WriteAllBytes(temp, elf);
        File.Replace(temp, path, null);
        return true;
    }

    // Returns the file offset of the Elf64_Vernaux entry whose name is `version`, or -1.
    static int FindAux(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("only little-endian ELF64 is supported");

        var shoff = checked((int)BitConverter.ToUInt64(elf, 0x28));
        int shentsize = BitConverter.ToUInt16(elf, 0x3a), shnum = BitConverter.ToUInt16(elf, 0x3c);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + i * shentsize;
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            var section = checked((int)BitConverter.ToUInt64(elf, sh + 0x18));
            var link = (int)BitConverter.ToUInt32(elf, sh + 0x28);
            var strtab = checked((int)BitConverter.ToUInt64(elf, shoff + link * shentsize + 0x18));

            // Elf64_Verneed {u16 version, u16 cnt, u32 file, u32 aux, u32 next};
            // Elf64_Vernaux {u32 hash, u16 flags, u16 other, u32 name, u32 next}.
            var need = section;
            while (true)
            {
                int count = BitConverter.ToUInt16(elf, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (var k = 0; k < count; k++)
                {
                    var name = strtab + (int)BitConverter.ToUInt32(elf, aux + 8);
                    if (NameEquals(elf, name, version)) return aux;
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                var next = (int)BitConverter.ToUInt32(elf, need + 12);
                if (next == 0) break;
                need += next;
            }
        }
        return -1;
    }

    // netstandard2.0 (the task factory's target) has no Span search.
    static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = haystack.Length - needle.Length; i >= 0; i--)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    static bool NameEquals(byte[] elf, int offset, string name)
    {
        for (var j = 0; j < name.Length; j++)
            if (elf[offset + j] != name[j]) return false;
        return elf[offset + name.Length] == 0;
    }
}
