using System.Diagnostics;
using FashionBench.Harness.Data;
using FashionBench.Models;
using FashionBench.Models.Building;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionBench.Harness.Timing.Engines;

/// <summary>
/// TorchSharp inference, in two forms measured side by side so a reader sees the gap and what closes it.
/// <list type="bullet">
/// <item><b>plain</b> (<see cref="PlainName"/>): the module in eval mode, each batch under inference mode (no autograd,
/// no version counters) with its intermediates freed by a dispose scope: what a straightforward program does.</item>
/// <item><b>tuned</b> (<see cref="EngineName"/>): the same, plus what the trainer learnt: channels-last input where
/// the model's convolutions gain from it (<see cref="ChannelsLast"/>), and a large batch run in the chunk size that is
/// fastest for it (from <see cref="ChunkSizes"/> and the whole batch); and what the ONNX export does: every BatchNorm
/// that follows a convolution folded into it (<see cref="InferenceFolding"/>, a copy of the module, so the caller's
/// stays as it was). Folding saves a call per pair, but on the Zen 4 VM no gain rose above the run-to-run noise
/// (docs/performance.md), so the folded and the unfolded module are both candidates: when a batch is loaded, the
/// fastest module and chunk are chosen by an untimed trial.</item>
/// </list>
/// Both run where glibc keeps freed memory (<see cref="InferenceThroughput.CreateEngine"/> sets it). Moves the module to the device.
/// </summary>
public sealed class TorchSharpEngine : IInferenceEngine
{
    public const string EngineName = "torchsharp";
    public const string PlainName = "torchsharp-plain";

    /// <summary>The chunk sizes a tuned engine tries for a larger batch.</summary>
    public static readonly IReadOnlyList<int> ChunkSizes = [64, 256];

    readonly SpecModule module;
    readonly SpecModule? folded;   // the tuned engine's own copy, when the spec has a BatchNorm to fold
    readonly int foldedBatchNorms;
    SpecModule active;             // the one the loaded batch runs through
    readonly Device device;
    readonly bool tuned, channelsLast;
    Tensor? input;   // [B, 1, 28, 28] on the device
    int chunk;

    /// <param name="module">Built from <paramref name="spec"/>, with the weights to run.</param>
    public TorchSharpEngine(ModelSpec spec, SpecModule module, Device device, int threads, bool tuned = true)
    {
        set_num_threads(threads);
        this.device = device;
        this.tuned = tuned;
        foldedBatchNorms = tuned ? InferenceFolding.FoldableBatchNorms(spec) : 0;
        if (foldedBatchNorms > 0) folded = InferenceFolding.Fold(spec, module);
        this.module = active = module;
        channelsLast = tuned && device.type == DeviceType.CPU && ChannelsLast.Suits(module);
        foreach (var m in Modules)
        {
            m.to(device);
            m.eval();
        }
    }

    IEnumerable<SpecModule> Modules => folded is null ? [module] : [folded, module];

    /// <summary>Whether TorchSharp can run on <paramref name="device"/> here (CUDA needs a CUDA libtorch and a GPU).</summary>
    public static bool IsAvailable(Device device) => device.type == DeviceType.CPU || cuda.is_available();

    public string Name => tuned ? EngineName : PlainName;

    /// <summary>The chunk size a tuned engine runs the loaded batch in (the whole batch when that was fastest).</summary>
    public int Chunk => chunk;

    public string Settings => FormattableString.Invariant(
        $"eval, inference mode, {(channelsLast ? "channels-last" : "NCHW")} input, {(chunk == input?.shape[0] ? "whole batch" : $"chunks of {chunk}")}")
        + (folded is null ? "" : active == folded
            ? FormattableString.Invariant($", {foldedBatchNorms} BatchNorm(s) folded into their convolutions")
            : FormattableString.Invariant($", its {foldedBatchNorms} foldable BatchNorm(s) unfolded (faster here)"));

    public void Load(ReadOnlySpan<float> images, int batchSize)
    {
        input?.Dispose();
        var batch = tensor(images.ToArray(), [batchSize, 1, 28, 28], device: device);
        input = channelsLast ? ChannelsLast.Of(batch) : batch;
        (active, chunk) = tuned ? Fastest(batchSize) : (module, batchSize);
    }

    public void Run() => Forward(take: null);

    public float[] Logits()
    {
        var chunks = new List<float[]>();
        Forward(logits => chunks.Add(logits.cpu().contiguous().data<float>().ToArray()));
        return [.. chunks.SelectMany(c => c)];
    }

    // The loaded batch through the active module, chunk by chunk; take, when given, sees each chunk's logits.
    void Forward(Action<Tensor>? take)
    {
        var batch = input ?? throw new InvalidOperationException("Load a batch before Run");
        using var inference = inference_mode();
        var n = batch.shape[0];
        for (long start = 0; start < n; start += chunk)
        {
            using var scope = NewDisposeScope();
            var logits = active.forward(chunk >= n ? batch : batch.narrow(0, start, Math.Min(chunk, n - start)));
            take?.Invoke(logits);
        }
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }

    /// <summary>
    /// Of the modules (folded, unfolded) and of the whole batch and the smaller <see cref="ChunkSizes"/>, the fastest
    /// combination: each run once untimed (allocations, caches), then timed over at least <see cref="TrialSeconds"/>.
    /// </summary>
    (SpecModule Module, int Chunk) Fastest(int batchSize)
    {
        var chunks = ChunkSizes.Where(c => c < batchSize).Append(batchSize).ToList();
        var candidates = Modules.SelectMany(m => chunks.Select(c => (Module: m, Chunk: c))).ToList();
        if (candidates.Count == 1) return candidates[0];
        var best = (Candidate: candidates[0], Seconds: double.MaxValue);
        foreach (var candidate in candidates)
        {
            (active, chunk) = candidate;
            Run();
            var (clock, runs) = (Stopwatch.StartNew(), 0);
            do { Run(); runs++; } while (clock.Elapsed.TotalSeconds < TrialSeconds);
            var seconds = clock.Elapsed.TotalSeconds / runs;
            if (seconds < best.Seconds) best = (candidate, seconds);
        }
        return best.Candidate;
    }

    /// <summary>How long each candidate is timed: enough calls of a one-image batch to rise above timer and scheduler noise.</summary>
    const double TrialSeconds = 0.02;

    public void Dispose()
    {
        input?.Dispose();
        folded?.Dispose();
    }
}
