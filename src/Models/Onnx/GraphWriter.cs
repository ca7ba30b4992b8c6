using System.Runtime.InteropServices;
using FashionBench.Models.Onnx.Proto;
using Google.Protobuf;

namespace FashionBench.Models.Onnx;

/// <summary>
/// Appends nodes and initializers to an ONNX graph. A node's single output value carries the node's name
/// ("layers.3", "layers.5.fc1"), so values, nodes and weights read like the spec's layer paths.
/// </summary>
sealed class GraphWriter(Weights weights)
{
    public GraphProto Graph { get; } = new();

    /// <summary>Adds a node and returns the name of its output value.</summary>
    public string Node(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(name);
        node.Attribute.Add(attributes);
        Graph.Node.Add(node);
        return name;
    }

    /// <summary>The module's tensor under <paramref name="key"/> as an initializer of the same name.</summary>
    public string Weight(string key)
    {
        var (values, dims) = weights.Read(key);
        return Initializer(key, values, dims);
    }

    public string Initializer(string name, float[] values, long[] dims) =>
        Initializer(name, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values.AsSpan()), dims);

    /// <summary>A 1-D int64 constant, e.g. Unsqueeze's axes.</summary>
    public string Initializer(string name, long[] values) =>
        Initializer(name, TensorProto.Types.DataType.Int64, MemoryMarshal.AsBytes(values.AsSpan()), [values.Length]);

    string Initializer(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> bytes, long[] dims)
    {
        // raw_data is little-endian by the ONNX specification; the bytes are copied as the machine holds them.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("ONNX raw_data needs a little-endian machine");
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.Add(dims);
        Graph.Initializer.Add(tensor);
        return name;
    }
}
