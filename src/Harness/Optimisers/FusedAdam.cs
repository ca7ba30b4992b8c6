using System.Numerics;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FashionBench.Harness.Optimisers;

/// <summary>
/// TorchSharp's Adam — same options, state tensors, schedule hooks and checkpoint contents — with the update of each
/// parameter fused into one SIMD pass over (param, grad, exp_avg, exp_avg_sq), split across the intra-op threads.
/// TorchSharp's own step runs eight tensor kernels per parameter and allocates two temporaries, so on the CPU it is
/// memory-bound (~10 ms for fashion-cnn's 1.7 M parameters against ~2 ms fused; see docs/performance.md).
/// The formula is PyTorch's, in float32 with double-precision bias corrections:
///   m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  p ← p − lr/(1−β₁ᵗ) · m / (√v / √(1−β₂ᵗ) + ε)
/// It differs from the op-by-op version only where libtorch fuses a multiply-add (last-bit rounding). Being elementwise,
/// the result does not depend on how the work is split: the same seed gives the same weights with any thread count.
/// Anything else (CUDA, non-float32 or non-contiguous tensors, AMSGrad, maximize, a closure) takes TorchSharp's path.
/// </summary>
public sealed class FusedAdam(IEnumerable<Parameter> parameters, double lr, double weightDecay)
    : Adam(parameters, lr, weight_decay: weightDecay)
{
    // Elements per work item: 256 KB of each tensor, so large tensors spread over the threads and small ones stay whole.
    const int ChunkElements = 1 << 16;

    public override Tensor step(Func<Tensor>? closure = null)
    {
        using var scope = NewDisposeScope();                                // the grad handles read below
        if (closure is not null || !Fusable()) return base.step(closure)?.MoveToOuterDisposeScope()!;
        var work = new List<(Update Update, int Start, int Length)>();
        foreach (var group in _parameter_groups)
        {
            var options = (Options)group.Options;
            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param.Handle];
                state.step += 1;
                var update = new Update(param, grad, state.exp_avg, state.exp_avg_sq, options, state.step);
                var n = (int)param.numel();
                for (var start = 0; start < n; start += ChunkElements) work.Add((update, start, Math.Min(ChunkElements, n - start)));
            }
        }
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = get_num_threads() },
            i => work[i].Update.Apply(work[i].Start, work[i].Length));
        return null!;                                                       // like Adam.step without a closure
    }

    bool Fusable() => _parameter_groups.All(group =>
        group.Options is Options { amsgrad: false, maximize: false }
        && group.Parameters.All(p => p.device_type == DeviceType.CPU && p.dtype == ScalarType.Float32 && p.is_contiguous()
            && (p.grad is not { } g || (g.dtype == ScalarType.Float32 && g.is_contiguous()))));

    /// <summary>One parameter's update at one step; <see cref="Apply"/> runs it on a slice of the elements.</summary>
    sealed class Update(Tensor param, Tensor grad, Tensor expAvg, Tensor expAvgSq, Options options, long step)
    {
        readonly float beta1 = (float)options.beta1!.Value, beta2 = (float)options.beta2!.Value;
        readonly float oneMinusBeta1 = (float)(1 - options.beta1!.Value), oneMinusBeta2 = (float)(1 - options.beta2!.Value);
        readonly float eps = (float)options.eps!.Value, weightDecay = (float)options.weight_decay!.Value;
        readonly float stepSize = (float)(options.LearningRate!.Value / (1 - Math.Pow(options.beta1!.Value, step)));
        readonly float correction2 = (float)Math.Sqrt(1 - Math.Pow(options.beta2!.Value, step));

        public void Apply(int start, int length)
        {
            Span<float> Floats(Tensor t) => MemoryMarshal.Cast<byte, float>(t.bytes).Slice(start, length);
            Span<float> p = Floats(param), g = Floats(grad), m = Floats(expAvg), v = Floats(expAvgSq);
            var vectors = length - length % Vector<float>.Count;
            Span<Vector<float>> vp = Vectors(p[..vectors]), vg = Vectors(g[..vectors]), vm = Vectors(m[..vectors]), vv = Vectors(v[..vectors]);
            for (var i = 0; i < vp.Length; i++)
            {
                var gi = weightDecay == 0 ? vg[i] : vg[i] + weightDecay * vp[i];
                vm[i] = vm[i] * beta1 + oneMinusBeta1 * gi;
                vv[i] = vv[i] * beta2 + oneMinusBeta2 * gi * gi;
                vp[i] -= stepSize * vm[i] / (Vector.SquareRoot(vv[i]) / correction2 + new Vector<float>(eps));
            }
            for (var i = vectors; i < length; i++)
            {
                var gi = g[i] + weightDecay * p[i];
                m[i] = m[i] * beta1 + oneMinusBeta1 * gi;
                v[i] = v[i] * beta2 + oneMinusBeta2 * gi * gi;
                p[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / correction2 + eps);
            }
        }

        static Span<Vector<float>> Vectors(Span<float> floats) => MemoryMarshal.Cast<float, Vector<float>>(floats);
    }
}
