namespace FashionBench.Harness.Timing.Engines;

/// <summary>One model in one inference engine on one device, run batch by batch for timing.</summary>
public interface IInferenceEngine : IDisposable
{
    /// <summary>"torchsharp", "torchsharp-plain" or "onnxruntime", as written to throughput.csv.</summary>
    string Name { get; }

    /// <summary>How the engine runs the loaded batch, in words, recorded with each throughput row (session options, layout, chunk).</summary>
    string Settings { get; }

    /// <summary>Copies <paramref name="batchSize"/> images (float32 [B, 1, 28, 28], row-major) into buffers the engine keeps for <see cref="Run"/>.</summary>
    void Load(ReadOnlySpan<float> images, int batchSize);

    /// <summary>Runs the loaded batch to completion (the device synchronised), leaving the logits in engine-owned memory.</summary>
    void Run();

    /// <summary>Runs the loaded batch as <see cref="Run"/> does, untimed, and returns its logits ([B·classes], row-major) on the CPU.</summary>
    float[] Logits();
}
