using FashionBench.Models.Building;
using FashionBench.Models.Onnx.Proto;
using Google.Protobuf;
using static TorchSharp.torch;

namespace FashionBench.Models.Onnx;

/// <summary>
/// Writes a spec and a built module's weights as an ONNX model (TorchSharp has no exporter): opset 17, IR version 8,
/// input "input" float [N, 1, 28, 28] and output "logits" float [N, 10] with a symbolic batch dimension N. Nodes and
/// initializers are named by the spec's layer paths ("layers.3.weight"); Dropout is left out (identity at inference).
/// </summary>
public static class OnnxBuilder
{
    public const long IrVersion = 8;
    public const long Opset = 17;
    public const string InputName = "input";
    public const string OutputName = "logits";
    public const string BatchDimension = "N";

    /// <summary>The ONNX model of <paramref name="spec"/> with the weights of <paramref name="module"/> (built from that spec).</summary>
    public static ModelProto Build(ModelSpec spec, SpecModule module, BatchNormExport batchNorm = BatchNormExport.Fold)
    {
        using var scope = NewDisposeScope();   // the float32 copies of the weights
        var weights = new Weights(module.state_dict());
        var graph = new GraphWriter(weights);
        var last = new LayerWriter(graph, weights, batchNorm).Sequence(spec.Layers, Shape.Image28, "layers.", InputName);
        var producer = graph.Graph.Node.LastOrDefault(n => n.Output[0] == last)
            ?? throw new ArgumentException($"{spec.Id}: no layer computes anything, nothing to export");
        producer.Output[0] = OutputName;

        graph.Graph.Name = spec.Id;
        graph.Graph.Input.Add(TensorValue(InputName, Shape.Image28));
        graph.Graph.Output.Add(TensorValue(OutputName, ShapeInference.Output(Shape.Image28, spec.Layers)));
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "FashionBench",
            ProducerVersion = typeof(OnnxBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            DocString = $"{spec.Title} — {spec.Source}",
            Graph = graph.Graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        return model;
    }

    /// <summary>The serialised model (the bytes of a .onnx file).</summary>
    public static byte[] ToBytes(ModelSpec spec, SpecModule module, BatchNormExport batchNorm = BatchNormExport.Fold) =>
        Build(spec, module, batchNorm).ToByteArray();

    // float tensor [N, C, H, W], or [N, C] for a flat shape.
    static ValueInfoProto TensorValue(string name, Shape shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        long[] dims = shape.Flat ? [shape.C] : [shape.C, shape.H, shape.W];
        tensorShape.Dim.Add(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = tensorShape },
            },
        };
    }
}
