using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using FashionBench.Models.Building;

namespace FashionBench.Harness.Timing;

/// <summary>
/// The PyTorch peer (tests/peers/pytorch_train.py): writes the spec's layers and recipe as JSON (RunConfig's
/// serialisation, the same the run folders hold), runs the script on the dataset's IDX files with the same batch
/// size, threads and measurement protocol, and reads back its one-line JSON result. The script's parameter count
/// must equal the spec's, so a peer built differently fails rather than being compared.
/// </summary>
public static class TrainThroughputPeer
{
    public const string Engine = "pytorch";
    public const string ScriptPath = "tests/peers/pytorch_train.py";
    /// <summary>Overrides the interpreter; the default is Debian's /usr/bin/python3, whose python3-torch is the peer.</summary>
    public const string PythonVariable = "FASHIONBENCH_PYTHON";
    const int NotInstalledExit = 3;

    /// <summary>The measurement, or null and the reason the peer was skipped (no interpreter, no PyTorch).</summary>
    public static (TrainThroughput? Result, string? Skipped) Measure(string repoRoot, ModelSpec spec, string datasetDir,
        double datasetMean, double datasetStd, TrainThroughputOptions options)
    {
        var python = Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } p ? p : "/usr/bin/python3";
        var specFile = Path.Combine(Path.GetTempPath(), $"fashionbench-peer-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(specFile, SpecJson(spec, datasetMean, datasetStd));
        try
        {
            var arguments = new[]
            {
                Path.Combine(repoRoot, ScriptPath), "--spec", specFile, "--data", datasetDir,
                "--threads", Invariant(options.Threads), "--batches", Invariant(options.Batches),
                "--repetitions", Invariant(options.Repetitions), "--warmup", Invariant(options.WarmupBatches),
                "--eval-images", Invariant(options.EvalImages), "--eval-batch", Invariant(Evaluation.Evaluator.BatchSize),
                "--seed", Invariant(options.Seed),
            };
            var (exit, stdout, stderr) = RunProcess(python, arguments);
            if (exit is null) return (null, $"{python} not found (set {PythonVariable})");
            if (exit == NotInstalledExit) return (null, stderr.Trim());
            if (exit != 0) throw new UserError($"{ScriptPath}: exited with {exit}: {LastLine(stderr)}");
            return (Parse(stdout, spec, options), null);
        }
        finally
        {
            File.Delete(specFile);
        }
    }

    /// <summary>
    /// What the script builds its model from: the spec's layers and recipe exactly as RunConfig serialises them (type
    /// discriminators, snake_case names, kebab-case enums), plus the dataset's statistics for "normalise with the
    /// dataset's own mean/std" recipes.
    /// </summary>
    public static string SpecJson(ModelSpec spec, double datasetMean, double datasetStd) =>
        JsonSerializer.Serialize(new PeerSpec(spec.Id, spec.Layers, spec.Recipe, datasetMean, datasetStd), JsonFormat.Options);

    static TrainThroughput Parse(string stdout, ModelSpec spec, TrainThroughputOptions options)
    {
        PeerOutput? output;
        try { output = JsonSerializer.Deserialize<PeerOutput>(LastLine(stdout), JsonFormat.Options); }
        catch (JsonException e) { throw new UserError($"{ScriptPath}: output is not its JSON result ({e.Message})"); }
        if (output is null) throw new UserError($"{ScriptPath}: printed no result");
        var cost = SpecCost.Of(spec);
        if (output.Parameters != cost.Parameters)
            throw new UserError($"{ScriptPath}: built {output.Parameters:N0} parameters for {spec.Id}, the spec has {cost.Parameters:N0}");
        return new TrainThroughput(Engine, output.EngineVersion, spec.Id, output.Threads, spec.Recipe.BatchSize, options.Batches,
            options.WarmupBatches, output.ImagesPerSRuns, output.EvalImagesPerSRuns, output.CpuMsPerImageRuns, 3.0 * cost.ForwardFlops, output.PeakRssMb,
            output.TrainLoss);
    }

    // Exit code (null: the interpreter does not exist), stdout, stderr.
    static (int? Exit, string Stdout, string Stderr) RunProcess(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        catch (Win32Exception) { return (null, "", ""); }                  // no such interpreter
    }

    static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    sealed record PeerSpec(string Model, IReadOnlyList<Layer> Layers, TrainingRecipe Recipe, double DatasetMean, double DatasetStd);

    sealed record PeerOutput(string EngineVersion, int Threads, long Parameters, double[] ImagesPerSRuns,
        double[] EvalImagesPerSRuns, double[] CpuMsPerImageRuns, double PeakRssMb, double TrainLoss);
}
