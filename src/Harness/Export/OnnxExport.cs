using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Models.Onnx;

namespace FashionBench.Harness.Export;

/// <summary>Writes a trained module as an ONNX file.</summary>
public static class OnnxExport
{
    /// <summary>Serialises <paramref name="module"/> (built from <paramref name="spec"/>) to <paramref name="path"/>, atomically; returns the bytes written.</summary>
    public static byte[] Write(ModelSpec spec, SpecModule module, string path, BatchNormExport batchNorm = BatchNormExport.Fold)
    {
        var bytes = OnnxBuilder.ToBytes(spec, module, batchNorm);
        AtomicFile.WriteAllBytes(path, bytes);
        return bytes;
    }
}
