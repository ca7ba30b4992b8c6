using static TorchSharp.torch;

namespace FashionBench.Models.Onnx;

/// <summary>A module's parameters and buffers by state-dict key ("layers.3.body.0.weight"), as float32 arrays.</summary>
sealed class Weights(Dictionary<string, Tensor> stateDict)
{
    public bool Has(string key) => stateDict.ContainsKey(key);

    /// <summary>The tensor's values in row-major order and its dimensions; intermediate tensors go to the caller's dispose scope.</summary>
    public (float[] Values, long[] Dims) Read(string key)
    {
        if (!stateDict.TryGetValue(key, out var tensor))
            throw new ArgumentException($"the module has no weight '{key}': was it built from this spec?");
        var values = tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        return (values, tensor.shape);
    }
}
