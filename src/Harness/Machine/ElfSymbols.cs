using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Text;

namespace FashionBench.Harness.Machine;

/// <summary>
/// Looks names up in an ELF64 little-endian library's full symbol table (<c>.symtab</c>), which lists its local
/// symbols too, not only the exports <c>dlsym</c> sees. libtorch_cpu.so ships one; in a stripped library, or a file
/// that is not such an ELF, nothing is found.
/// </summary>
public static class ElfSymbols
{
    /// <summary>A symbol's value (its address relative to where the library is mapped) and size in bytes.</summary>
    public readonly record struct Symbol(long Value, long Size);

    /// <summary>Those of <paramref name="names"/> that the symbol table defines.</summary>
    public static unsafe IReadOnlyDictionary<string, Symbol> Find(string path, IReadOnlyCollection<string> names)
    {
        var found = new Dictionary<string, Symbol>();
        var length = new FileInfo(path).Length;
        if (length < 64) return found;                                                    // no ELF header (and nothing to map)
        var wanted = names.Select(n => (Name: n, Bytes: Encoding.UTF8.GetBytes(n))).ToList();
        using var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        var handle = view.SafeMemoryMappedViewHandle;
        byte* start = null;
        handle.AcquirePointer(ref start);
        try
        {
            var elf = new ReadOnlySpan<byte>(start + view.PointerOffset, (int)Math.Min(length, int.MaxValue));
            if (!elf[..4].SequenceEqual("\u007fELF"u8) || elf[4] != 2 || elf[5] != 1) return found;  // ELF64, little-endian
            int entry = U16(elf, 0x3A), count = U16(elf, 0x3C);
            if (entry < 64) return found;
            var sections = Slice(elf, U64(elf, 0x28), (ulong)count * (ulong)entry);
            for (var index = 0L; index < count; index++)
            {
                var header = Slice(sections, (ulong)(index * entry), (ulong)entry);
                if (header.IsEmpty || U32(header, 4) != 2) continue;                      // SHT_SYMTAB
                var table = Slice(elf, U64(header, 0x18), U64(header, 0x20));
                var stringsHeader = Slice(sections, (ulong)U32(header, 0x28) * (ulong)entry, (ulong)entry);
                if (stringsHeader.IsEmpty) return found;
                var strings = Slice(elf, U64(stringsHeader, 0x18), U64(stringsHeader, 0x20));
                for (var i = 0; i + 24 <= table.Length && found.Count < wanted.Count; i += 24)
                {
                    var name = U32(table, i);
                    if (name >= strings.Length) continue;
                    var rest = strings[(int)name..];
                    foreach (var (text, bytes) in wanted)
                        if (rest.Length > bytes.Length && rest[bytes.Length] == 0 && rest.StartsWith(bytes))
                            found[text] = new Symbol((long)U64(table, i + 8), (long)U64(table, i + 16));
                }
                return found;
            }
            return found;
        }
        finally { handle.ReleasePointer(); }
    }

    // An empty span where the range lies outside, so a malformed file finds nothing instead of throwing.
    static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> span, ulong offset, ulong length) =>
        offset <= (ulong)span.Length && length <= (ulong)span.Length - offset ? span.Slice((int)offset, (int)length) : [];

    static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);
}
