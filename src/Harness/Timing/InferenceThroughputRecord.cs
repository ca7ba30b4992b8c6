using FashionBench.Harness.Machine;
namespace FashionBench.Harness.Timing;

/// <summary>Inference speed of one model in one engine on one device at one batch size.</summary>
/// <param name="Engine">"torchsharp" or "onnxruntime".</param>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="ImagesPerSecond">Median over the timed repetitions of images / wall-clock second.</param>
/// <param name="P50Ms">Median latency of one batch, milliseconds.</param>
/// <param name="P95Ms">95th-percentile latency of one batch, milliseconds.</param>
/// <param name="P99Ms">99th-percentile latency of one batch, milliseconds; null in older files.</param>
/// <param name="Threads">Intra-op threads the engine was given.</param>
/// <param name="ForwardMflops">Forward FLOPs per image / 10⁶ (<c>SpecCost.ForwardFlops</c>), for % of peak.</param>
/// <param name="Settings">How the engine ran (<see cref="Engines.IInferenceEngine.Settings"/>); empty in older files.</param>
/// <param name="Weights">"trained", or the initial weights of a run kept without its own (speed does not depend on the values).</param>
/// <param name="PeakGFlops">The CPU's FP32 peak at <paramref name="Threads"/> threads, measured when the row was (<see cref="FmaPeak"/>); null on a GPU and in older files.</param>
public sealed record InferenceThroughputRecord(
    string Model, string Engine, string Device, int BatchSize,
    double ImagesPerSecond, double P50Ms, double P95Ms, double? P99Ms, int Threads, double ForwardMflops, double? PeakGFlops = null, string Settings = "",
    string Weights = Runs.TrainedModels.Trained);
