using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>
/// glibc's dlopen, where a caller needs its flags or its error text (NativeLibrary gives neither), and where a loaded
/// library lies in this process (Linux's /proc/self/maps).
/// </summary>
internal static class DynamicLinker
{
    public const int Now = 2, NoLoad = 4, Global = 0x100;

    /// <summary>dlopen(<paramref name="file"/>, <paramref name="flags"/>): the handle, or zero and dlerror()'s text.</summary>
    public static (IntPtr Handle, string? Error) Open(string file, int flags)
    {
        _ = dlerror();   // binds the stub and clears an earlier error, so the one read below is this call's
        var handle = dlopen(file, flags);
        return (handle, handle == IntPtr.Zero ? Marshal.PtrToStringUTF8(dlerror()) : null);
    }

    /// <summary>
    /// The library file named <paramref name="fileName"/> as this process maps it: its path, and where its first
    /// mapping (file offset 0) starts; null where it is not mapped.
    /// </summary>
    public static (string Path, IntPtr Start)? Mapped(string fileName)
    {
        var fields = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .FirstOrDefault(f => f.Length == 6 && f[5].EndsWith("/" + fileName, StringComparison.Ordinal) && Convert.ToInt64(f[2], 16) == 0);
        return fields is null ? null : (fields[5], (IntPtr)Convert.ToInt64(fields[0].Split('-')[0], 16));
    }

    [DllImport("libc")]
    static extern IntPtr dlopen(string file, int flags);

    [DllImport("libc")]
    static extern IntPtr dlerror();
}
