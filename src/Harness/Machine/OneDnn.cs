using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>
/// libtorch's switch for its oneDNN (mkldnn) CPU convolutions, which TorchSharp does not expose: PyTorch's
/// <c>torch.backends.mkldnn.enabled</c>, i.e. <c>at::globalContext().setUserEnabledMkldnn(bool)</c>. Off, libtorch
/// convolves with its own kernels (im2col + the BLAS matrix product), the route the kernel self-check falls back to
/// when oneDNN's convolutions compute wrong numbers on a CPU (docs/numerics.md). The C++ symbols are looked up in
/// the libtorch_cpu this process already loaded (bundled or external), so they are the ones its convolutions consult.
/// </summary>
public static class OneDnn
{
    /// <summary>Set to <c>off</c> to run without oneDNN's convolutions even where they pass the self-check.</summary>
    public const string Variable = "FASHIONBENCH_ONEDNN";

    const string Library = "libtorch_cpu.so";
    const string GlobalContext = "_ZN2at13globalContextEv";                      // at::globalContext()
    const string SetEnabled = "_ZN2at7Context20setUserEnabledMkldnnEb";          // at::Context::setUserEnabledMkldnn(bool)
    const string GetEnabled = "_ZNK2at7Context17userEnabledMkldnnEv";            // at::Context::userEnabledMkldnn() const

    /// <summary>Whether the user asked for oneDNN's convolutions off (FASHIONBENCH_ONEDNN=off); fails on other values.</summary>
    public static bool OffRequested()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value) || value == "on") return false;
        if (value == "off") return true;
        throw new UserError($"{Variable}: unknown value '{value}' (use on or off)");
    }

    /// <summary>Whether the switch can be reached: Linux only (elsewhere oneDNN stays as libtorch starts, on).</summary>
    public static bool Switchable => OperatingSystem.IsLinux();

    /// <summary>Whether libtorch will use oneDNN for CPU convolutions (libtorch's default, on, where it cannot be switched).</summary>
    public static unsafe bool Enabled
    {
        get
        {
            if (!Switchable) return true;
            var (context, _, get) = Entry();
            return ((delegate* unmanaged<IntPtr, byte>)get)(context) != 0;
        }
    }

    /// <summary>Turns oneDNN's convolutions off (or on) for the rest of the process, and checks that libtorch took it.</summary>
    public static unsafe void Enable(bool enabled)
    {
        var (context, set, _) = Entry();
        ((delegate* unmanaged<IntPtr, byte, void>)set)(context, enabled ? (byte)1 : (byte)0);
        if (Enabled != enabled) throw new InvalidOperationException($"libtorch ignored setUserEnabledMkldnn({enabled})");
    }

    static unsafe (IntPtr Context, IntPtr Set, IntPtr Get) Entry()
    {
        if (!OperatingSystem.IsLinux())
            throw new UserError($"{Variable}: switching oneDNN off is supported on Linux only");
        _ = TorchSharp.torch.get_num_threads();                                   // loads libtorch if nothing has yet
        var (handle, _) = DynamicLinker.Open(Library, DynamicLinker.Now | DynamicLinker.NoLoad);
        if (handle == IntPtr.Zero) throw new UserError($"{Variable}: {Library} is not loaded in this process");
        IntPtr Export(string name) => NativeLibrary.TryGetExport(handle, name, out var address) ? address
            : throw new UserError($"{Variable}: this libtorch has no {name}; cannot switch oneDNN");
        var context = ((delegate* unmanaged<IntPtr>)Export(GlobalContext))();
        return (context, Export(SetEnabled), Export(GetEnabled));
    }
}
