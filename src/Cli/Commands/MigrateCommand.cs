using System.CommandLine;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench migrate --results DIR --profile P [--cpu-kernels avx2|avx512]`: gives the CPU runs of a results folder
/// recorded before the run identity held the thread count, CPU kernels and convolutions those fields (and so their new
/// run ids), from what each run recorded, without training them again (<see cref="RunIdentityMigration"/>).
/// </summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var folder = new ProfileFolderOptions();
        var kernels = new Option<string?>("--cpu-kernels")
        {
            Description = "avx2 | avx512: the kernels of runs whose provenance records neither a pin nor the CPU's instruction set",
        };
        var command = new Command("migrate", "Give older CPU runs the thread count, CPU kernels and convolutions their run identity now holds")
            { kernels };
        folder.AddTo(command);
        command.SetAction(parse =>
        {
            var fallback = parse.GetValue(kernels);
            if (fallback is not (null or "avx2" or "avx512")) throw new UserError($"--cpu-kernels: '{fallback}' is neither avx2 nor avx512");
            var store = folder.Store(parse);
            using var held = ResultsLock.Acquire(store.ProfileDir, PipelineSession.Notice);
            var moved = RunIdentityMigration.Migrate(store, fallback);
            foreach (var m in moved)
                Console.WriteLine($"{m.From} → {m.To} ({m.Environment.Threads} thread(s), {m.Environment.CpuKernels}, " +
                                  $"{m.Environment.Convolutions ?? "oneDNN"} convolutions)");
            if (moved.Count > 0) TrainingPipeline.WriteTables(store);
            Console.WriteLine($"{moved.Count} run(s) migrated in {store.ProfileDir}");
            return 0;
        });
        return command;
    }
}
