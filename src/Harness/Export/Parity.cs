using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;
using Microsoft.ML.OnnxRuntime;
using static TorchSharp.torch;

namespace FashionBench.Harness.Export;

/// <summary>Runs the same images through TorchSharp (eval mode, no grad) and ONNX Runtime and compares the logits.</summary>
public static class Parity
{
    /// <param name="images">[N, 1, 28, 28] float32, already normalised, on the module's device.</param>
    /// <param name="onnx">The exported model of <paramref name="module"/> (<see cref="OnnxExport"/>).</param>
    /// <param name="batchSize">Images per forward pass in either engine (bounds memory, not the result).</param>
    public static ParityResult Check(ModelSpec spec, SpecModule module, Tensor images, byte[] onnx, int batchSize = 256)
    {
        if (images.dim() != 4 || images.shape[0] == 0 || images.shape[1] != 1 || images.shape[2] != 28 || images.shape[3] != 28 || images.dtype != ScalarType.Float32)
            throw new ArgumentException($"parity needs float32 images [N ≥ 1, 1, 28, 28], got {images.dtype} [{string.Join(", ", images.shape)}]");
        var expected = TorchLogits(module, images, batchSize);   // [N·K]
        var actual = OnnxLogits(onnx, images, batchSize);        // [N·K]
        if (actual.Length != expected.Length)
            throw new ArgumentException($"{spec.Id}: the ONNX model gives {actual.Length} logits, TorchSharp {expected.Length}: not the same model");
        var n = (int)images.shape[0];
        var classes = expected.Length / n;

        double maxAbsDiff = 0;
        for (var j = 0; j < expected.Length; j++) maxAbsDiff = Math.Max(maxAbsDiff, Math.Abs(actual[j] - expected[j]));
        var agreeing = Enumerable.Range(0, n).Count(i =>
            ArgMax(expected.AsSpan(i * classes, classes)) == ArgMax(actual.AsSpan(i * classes, classes)));
        return new ParityResult(spec.Id, maxAbsDiff, (double)agreeing / n, onnx.LongLength);
    }

    static float[] TorchLogits(SpecModule module, Tensor images, int batchSize)
    {
        var wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = no_grad();
            var chunks = new List<float[]>();
            for (long start = 0; start < images.shape[0]; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = images.narrow(0, start, Math.Min(batchSize, images.shape[0] - start));
                chunks.Add(module.forward(batch).cpu().contiguous().data<float>().ToArray());   // [B·K]
            }
            return [.. chunks.SelectMany(c => c)];
        }
        finally
        {
            module.train(wasTraining);
        }
    }

    static float[] OnnxLogits(byte[] onnx, Tensor images, int batchSize)
    {
        float[] pixels;
        using (var scope = NewDisposeScope()) pixels = images.cpu().contiguous().data<float>().ToArray();   // [N·784]
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(onnx, options);
        using var runOptions = new RunOptions();
        var n = images.shape[0];
        var logits = new List<float>();
        for (long start = 0; start < n; start += batchSize)
        {
            var count = Math.Min(batchSize, n - start);
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                pixels.AsMemory((int)(start * 784), (int)(count * 784)), [count, 1, 28, 28]);
            using var outputs = session.Run(runOptions, [OnnxBuilder.InputName], [input], [OnnxBuilder.OutputName]);
            logits.AddRange(outputs[0].GetTensorDataAsSpan<float>());
        }
        return [.. logits];
    }

    static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }
}
