using CsvHelper.Configuration.Attributes;

namespace FashionBench.Harness.Timing;

/// <summary>
/// An engine `bench` did not time for a model on a device, and why: it cannot run there (<see cref="BatchSize"/>
/// null: at no batch size), or its logits at that batch size were not the module's. Recorded beside the timed rows
/// (throughput_not_timed.csv), so a missing row is explained and a wrong engine is a recorded failure.
/// </summary>
public sealed record InferenceNotTimed
{
    [Name("model")] public string Model { get; init; } = "";
    [Name("engine")] public string Engine { get; init; } = "";
    [Name("device")] public string Device { get; init; } = "";
    [Name("batch_size")] public int? BatchSize { get; init; }
    [Name("reason")] public string Reason { get; init; } = "";

    /// <summary>The line `bench` prints for it.</summary>
    [Ignore] public string Line => BatchSize is { } batch
        ? FormattableString.Invariant($"{Model}: {Engine} on {Device} at batch {batch} not timed: {Reason}")
        : $"{Model}: {Engine} cannot run on {Device} here ({Reason}); no {Engine} records";

    /// <summary>Where the not-timed engines of <paramref name="throughputCsv"/> are written: beside it, "_not_timed" added to its name.</summary>
    public static string PathBeside(string throughputCsv) =>
        Path.Combine(Path.GetDirectoryName(throughputCsv) ?? "", Path.GetFileNameWithoutExtension(throughputCsv) + "_not_timed.csv");
}

/// <summary>What <see cref="InferenceThroughput.Measure"/> found for one model: the timed rows, and the engines not timed.</summary>
public sealed record InferenceMeasurement(IReadOnlyList<InferenceThroughputRecord> Records, IReadOnlyList<InferenceNotTimed> NotTimed);
