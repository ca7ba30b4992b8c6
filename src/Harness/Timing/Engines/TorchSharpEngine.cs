using System.Diagnostics;
using FashionBench.Harness.Training;
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
/// fastest for it (chosen when the batch is loaded, untimed, from <see cref="ChunkSizes"/> and the whole batch); and
/// what the ONNX export does: every BatchNorm that follows a convolution folded into it (<see cref="InferenceFolding"/>),
/// run as a copy of the module, so the caller's stays as it was.</item>
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
        this.module = folded ?? module;
        channelsLast = tuned && device.type == DeviceType.CPU && ChannelsLast.Suits(this.module);
        this.module.to(device);
        this.module.eval();
    }

    /// <summary>Whether TorchSharp can run on <paramref name="device"/> here (CUDA needs a CUDA libtorch and a GPU).</summary>
    public static bool IsAvailable(Device device) => device.type == DeviceType.CPU || cuda.is_available();

    public string Name => tuned ? EngineName : PlainName;

    /// <summary>The chunk size a tuned engine runs the loaded batch in (the whole batch when that was fastest).</summary>
    public int Chunk => chunk;

    public string Settings => FormattableString.Invariant(
        $"eval, inference mode, {(channelsLast ? "channels-last" : "NCHW")} input, {(chunk == input?.shape[0] ? "whole batch" : $"chunks of {chunk}")}{(foldedBatchNorms > 0 ? $", {foldedBatchNorms} BatchNorm(s) folded into their convolutions" : "")}");

    public void Load(ReadOnlySpan<float> images, int batchSize)
    {
        input?.Dispose();
        var batch = tensor(images.ToArray(), [batchSize, 1, 28, 28], device: device);
        input = channelsLast ? ChannelsLast.Of(batch) : batch;
        chunk = tuned ? FastestChunk(batchSize) : batchSize;
    }

    public void Run()
    {
        var batch = input ?? throw new InvalidOperationException("Load a batch before Run");
        using var inference = inference_mode();
        var n = batch.shape[0];
        for (long start = 0; start < n; start += chunk)
        {
            using var scope = NewDisposeScope();
            module.forward(chunk >= n ? batch : batch.narrow(0, start, Math.Min(chunk, n - start)));
        }
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }

    /// <summary>Of the whole batch and the smaller <see cref="ChunkSizes"/>, the fastest over two untimed passes each.</summary>
    int FastestChunk(int batchSize)
    {
        var candidates = ChunkSizes.Where(c => c < batchSize).Append(batchSize).ToList();
        if (candidates.Count == 1) return batchSize;
        var best = (Chunk: batchSize, Seconds: double.MaxValue);
        foreach (var candidate in candidates)
        {
            chunk = candidate;
            Run();                                                   // first pass: allocations, caches
            var clock = Stopwatch.StartNew();
            Run();
            if (clock.Elapsed.TotalSeconds < best.Seconds) best = (candidate, clock.Elapsed.TotalSeconds);
        }
        return best.Chunk;
    }

    public void Dispose()
    {
        input?.Dispose();
        folded?.Dispose();
    }
}
