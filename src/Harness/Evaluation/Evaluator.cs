using FashionBench.Harness.Data;
using FashionBench.Harness.Machine;
using static TorchSharp.torch;

namespace FashionBench.Harness.Evaluation;

/// <summary>Evaluation-mode inference over a labelled set in batches of <see cref="BatchSize"/>, without autograd.</summary>
public static class Evaluator
{
    /// <summary>
    /// Images per evaluation batch. Small enough that the widest activation of the catalogue (32 channels × 28 × 28
    /// floats, 100 KB per image) stays under glibc's 32 MB mmap limit, so <see cref="NativeHeap"/> can reuse every
    /// buffer: at 1000 each batch's largest tensors were fresh, page-faulted mmaps (evaluation ran ~1.7× slower).
    /// </summary>
    public const int BatchSize = 250;

    /// <summary>Images in [0,1]; normalised here with (mean, std) exactly as in training.</summary>
    public static EvaluationResult Evaluate(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, double mean, double std)
    {
        NativeHeap.KeepFreedMemory();
        model.eval();
        var channelsLast = ChannelsLast.Suits(model);
        using var _ = inference_mode();
        using var outer = NewDisposeScope();
        var n = images.shape[0];
        var predictions = new long[n];
        var confidences = new float[n];
        double lossSum = 0;
        long correct = 0;
        for (long start = 0; start < n; start += BatchSize)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(BatchSize, n - start);
            var x = images.narrow(0, start, count).sub(mean).div(std);
            var y = labels.narrow(0, start, count);
            var logits = model.forward(channelsLast ? ChannelsLast.Of(x) : x);         // [B, 10]
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            var (confidence, predicted) = logits.softmax(1).max(1);                    // [B], [B]
            correct += predicted.eq(y).sum().item<long>();
            predicted.cpu().data<long>().CopyTo(predictions, (int)start);
            confidence.cpu().data<float>().CopyTo(confidences, (int)start);
        }
        return new EvaluationResult(lossSum / n, correct / (double)n, labels.cpu().data<long>().ToArray(), predictions, confidences);
    }
}
