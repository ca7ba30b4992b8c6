using System.CommandLine;
using System.Globalization;
using FashionBench.Harness;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench doctor [--threads N] [--libtorch DIR]`: runs the kernel self-check afresh and prints every row, the
/// CPU's caches as CPUID reports them and as oneDNN holds them, and which convolutions the pipeline will use on this
/// machine.
/// </summary>
public static class DoctorCommand
{
    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "Intra-op threads to check at (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var libtorch = new Option<string?>("--libtorch") { Description = "Load libtorch from this lib/ folder" };
        var command = new Command("doctor", "Check libtorch's CPU kernels against float64 on this machine and print the table") { threads, libtorch };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(threads);
            if (count <= 0) throw new UserError($"--threads: must be at least 1, got {count}");
            LibTorchLoader.Preload(parse.GetValue(libtorch), PipelineSession.Notice);
            set_num_threads(count);
            var report = KernelCheck.Check(ModelCatalog.All);
            Print(report, CpuCaches.Detect());
            return report.Passed ? 0 : 4;
        });
        return command;
    }

    static void Print(KernelCheckReport report, CpuCaches caches)
    {
        Console.WriteLine($"CPU             {report.Cpu}");
        Console.WriteLine($"caches (CPUID)  {Caches(caches)}");
        Console.WriteLine($"caches (oneDNN) {OneDnnView()}");
        Console.WriteLine($"libtorch        {report.LibTorch}, {report.Threads} thread(s), CPU kernels {report.CpuKernels}");
        Console.WriteLine($"convolutions    {(!report.OneDnnConvolutions ? "libtorch's own (oneDNN's are off)"
            : report.OneDnnCacheProblem is { } problem ? $"oneDNN, blocked by its own guessed cache sizes ({problem})" : "oneDNN")}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"check           {report.Rows.Count} outputs of float32 against float64; relative error element-wise for operations, in norm " +
            $"for whole models (their gradients only for gross failure: a moved max-pool winner is legitimate); {report.Seconds:0.0} s"));
        if (report.OneDnnFailures.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine(report.OneDnnConvolutions
                ? "Failed with oneDNN on the cache sizes it was given (so it was made to block by its own guessed sizes and everything checked again):"
                : "Failed with oneDNN's convolutions (so they were switched off and everything checked again):");
            Table(report.OneDnnFailures);
        }
        Console.WriteLine();
        Table(report.Rows);
        Console.WriteLine();
        Console.WriteLine(report.Passed ? $"passed — {report.Summary}"
            : $"FAILED — training, export and benchmarks refuse to run on this setting: {report.Rows.First(r => !r.Passed).Describe()}");
    }

    static string Caches(CpuCaches caches) =>
        $"{caches.Vendor} leaf {caches.Leaf}: {Levels(caches.Levels)}; sysfs {(caches.SysfsListsCaches ? "lists caches" : "lists none")}" +
        (caches.Problem is { } problem ? $" — {problem}" : "");

    // What oneDNN blocks by, read from oneDNN itself: the CPUID line above is this program's own reading.
    static string OneDnnView() => OneDnnCaches.Read() is not { } levels ? $"cannot be read: {OneDnnCaches.Unreachable}"
        : levels.Count == 0 ? "none: oneDNN blocks by its own guessed sizes" + (OneDnnCaches.GuessedBecause is { } why ? $" ({why})" : "")
        : Levels(levels) + (OneDnnCaches.Problem(levels) is { } problem ? $" — {problem}" : "");

    static string Levels(IReadOnlyList<CpuCache> levels) => levels.Count == 0 ? "none"
        : string.Join(", ", levels.Select(l => $"L{l.Level} {Size(l.Bytes)} shared by {l.SharedBy}"));

    static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : bytes >= 1 << 10 ? $"{bytes >> 10} KiB" : $"{bytes} B";

    static void Table(IReadOnlyList<KernelCheckRow> rows)
    {
        var width = rows.Max(r => r.Operation.Length);
        var quantity = rows.Max(r => r.Quantity.Length);
        Console.WriteLine($"{"operation".PadRight(width)}  {"output".PadRight(quantity)}  {"rel. error",10}  {"tolerance",9}  {"repeatable",10}  verdict");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Operation.PadRight(width)}  {r.Quantity.PadRight(quantity)}  {r.RelativeError,10:0.0e+00}  {r.Tolerance,9:0e+0}  {(r.Repeatable ? "yes" : "NO"),10}  {(r.Passed ? "ok" : "FAIL")}"));
    }
}
