using FashionBench.Harness.Training;
using static TorchSharp.torch;

namespace FashionBench.Harness.Runs;

/// <summary>Where and how runs execute; nothing here changes what a run computes (threads aside, which are recorded).</summary>
public sealed record ExecutionOptions(
    Device Device,
    int Threads,
    string RepoRoot,
    Action<string> Notice,
    IProgress<TrainingProgress>? Progress = null,
    CancellationToken Cancel = default);
