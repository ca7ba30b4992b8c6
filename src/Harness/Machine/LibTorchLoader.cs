using System.Runtime.InteropServices;

namespace FashionBench.Harness.Machine;

/// <summary>
/// Loads an external libtorch (an unpacked libtorch CUDA build, or a PyTorch installation's torch/lib) before
/// TorchSharp touches its bundled CPU one. The dynamic loader then satisfies libLibTorchSharp's dependencies
/// (libtorch.so, libc10.so, …) from the libraries already loaded by name, so the whole process uses the external
/// build. Needed on Linux, where the package registry serves no CUDA libtorch.
/// </summary>
public static class LibTorchLoader
{
    public const string Variable = "FASHIONBENCH_LIBTORCH";

    // Dependency order: each library's own dependencies come first (its RUNPATH finds CUDA runtime libraries).
    static readonly string[] LinuxLibraries = ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"];
    static readonly string[] WindowsLibraries = ["c10.dll", "torch_cpu.dll", "c10_cuda.dll", "torch_cuda.dll", "torch.dll"];

    static string? loadedFrom;

    /// <summary>The directory the process's libtorch came from, or null for the bundled package.</summary>
    public static string? LoadedFrom => loadedFrom;

    /// <summary>
    /// Loads libtorch from <paramref name="optionValue"/> (--libtorch), else from FASHIONBENCH_LIBTORCH; does nothing
    /// when neither is set. Fails with one line naming the directory, the library and the loader's reason.
    /// </summary>
    public static void Preload(string? optionValue, Action<string> notice)
    {
        var (dir, origin) = optionValue is not null ? (optionValue, "--libtorch")
            : (Environment.GetEnvironmentVariable(Variable), Variable);
        var names = OperatingSystem.IsWindows() ? WindowsLibraries : LinuxLibraries;
        if (string.IsNullOrWhiteSpace(dir))
        {
            if (BundledLibTorch(names) is null)
                throw new UserError($"{Variable}: this build bundles no libtorch (TorchBackend=cuda); set {Variable} or --libtorch to a libtorch lib/ folder");
            return;
        }
        if (loadedFrom == Path.GetFullPath(dir)) return;
        if (loadedFrom is not null) throw new UserError($"{origin}: libtorch was already loaded from {loadedFrom}");
        if (!Directory.Exists(dir)) throw new UserError($"{origin}: libtorch directory does not exist: {dir}");

        // TorchSharp loads a bundled libtorch by path; a second copy from elsewhere aborts the process.
        if (BundledLibTorch(names) is { } bundled)
            throw new UserError($"{origin}: this build bundles libtorch ({bundled}); build with -p:TorchBackend=cuda to load one from {dir}");
        var core = Path.Combine(dir, names[^1]);
        if (!File.Exists(core)) throw new UserError($"{origin}: {dir} has no {names[^1]} (expected a libtorch lib/ folder or torch/lib)");
        var loaded = new List<string>();
        foreach (var name in names)
        {
            var path = Path.Combine(dir, name);
            if (!File.Exists(path)) continue;                            // CPU-only builds have no *_cuda libraries
            try { NativeLibrary.Load(path); }
            catch (DllNotFoundException e)
            {
                throw new UserError($"{origin}: could not load {path}: {e.Message.Split('\n')[0].Trim()}");
            }
            catch (BadImageFormatException e)
            {
                throw new UserError($"{origin}: {path} is not a loadable library for this process: {e.Message.Split('\n')[0].Trim()}");
            }
            loaded.Add(name);
        }
        loadedFrom = Path.GetFullPath(dir);
        notice($"libtorch loaded from {loadedFrom} ({string.Join(", ", loaded)})");
    }

    static string? BundledLibTorch(string[] names)
    {
        var rid = OperatingSystem.IsWindows() ? "win-x64" : "linux-x64";
        foreach (var dir in new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native") })
        {
            var path = Path.Combine(dir, names[1]);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
