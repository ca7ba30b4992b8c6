using System.Globalization;
using FashionBench.Harness.Timing.Engines;

namespace FashionBench.Harness.Timing;

/// <summary>How inference throughput is measured; immutable, defaults as documented on each property.</summary>
public sealed record InferenceThroughputSettings
{
    public static readonly IReadOnlyList<string> KnownEngines = [TorchSharpEngine.PlainName, TorchSharpEngine.EngineName, OnnxRuntimeEngine.EngineName];
    public static readonly IReadOnlyList<string> KnownDevices = ["cpu", "cuda"];

    /// <summary>Images per batch; one record per batch size. Default 1, 64, 1024.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 64, 1024];

    /// <summary>Timed repetitions after warm-up; images/s is their median. Default 5.</summary>
    public int Repetitions { get; init; } = 5;

    /// <summary>Each repetition runs as many batches as take at least this long (at least one). Default 0.2 s.</summary>
    public double RepetitionSeconds { get; init; } = 0.2;

    /// <summary>Untimed batches first, for at least this long (at least one batch). Default 0.5 s.</summary>
    public double WarmupSeconds { get; init; } = 0.5;

    /// <summary>Intra-op threads of both engines. Default: the logical cores of this machine.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>"cpu" or "cuda". Default "cpu".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Engines to time, in order. Default torchsharp-plain, torchsharp (tuned), onnxruntime.</summary>
    public IReadOnlyList<string> Engines { get; init; } = KnownEngines;

    /// <summary>
    /// The defaults of a profile: the smoke profile checks the pipeline, not the machine, so its repetitions (0.05 s) and
    /// warm-up (0.1 s) are short enough to keep it within minutes; every other profile times 0.2 s and 0.5 s.
    /// </summary>
    public static InferenceThroughputSettings For(Runs.Profile profile) =>
        profile.Name == "smoke" ? new() { RepetitionSeconds = 0.05, WarmupSeconds = 0.1 } : new();

    /// <summary>Throws a <see cref="UserError"/> naming the option of the first invalid setting.</summary>
    public InferenceThroughputSettings Validated()
    {
        if (BatchSizes.Count == 0) throw new UserError("--batch-sizes: give at least one batch size");
        foreach (var size in BatchSizes)
            if (size <= 0) throw new UserError($"--batch-sizes: batch sizes must be positive, got {size}");
        if (Repetitions < 1) throw new UserError($"--repetitions: must be at least 1, got {Repetitions}");
        if (RepetitionSeconds < 0) throw new UserError($"--repetition-seconds: must not be negative, got {Format(RepetitionSeconds)}");
        if (WarmupSeconds < 0) throw new UserError($"--warmup-seconds: must not be negative, got {Format(WarmupSeconds)}");
        if (Threads < 1) throw new UserError($"--threads: must be at least 1, got {Threads}");
        if (!KnownDevices.Contains(Device))
            throw new UserError($"--device: unknown device '{Device}' (known: {string.Join(", ", KnownDevices)})");
        foreach (var engine in Engines)
            if (!KnownEngines.Contains(engine))
                throw new UserError($"--engines: unknown engine '{engine}' (known: {string.Join(", ", KnownEngines)})");
        return this;
    }

    /// <summary>Parses a comma-separated list such as "1,64,1024" (the value of --batch-sizes).</summary>
    public static IReadOnlyList<int> ParseBatchSizes(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(item => int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size)
                ? size
                : throw new UserError($"--batch-sizes: '{item}' is not a whole number"))
            .ToList();

    static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
