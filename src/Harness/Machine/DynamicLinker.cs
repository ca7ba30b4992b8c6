using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>glibc's dlopen, where a caller needs its flags or its error text (NativeLibrary gives neither).</summary>
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

    [DllImport("libc")]
    static extern IntPtr dlopen(string file, int flags);

    [DllImport("libc")]
    static extern IntPtr dlerror();
}
