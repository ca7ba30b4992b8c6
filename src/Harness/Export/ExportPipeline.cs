using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;
using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Harness.Export;

/// <summary>
/// For each model: trained weights → &lt;profile&gt;/onnx/&lt;model&gt;.onnx, then ONNX Runtime against TorchSharp on the
/// first 256 test images (normalised as in training) → parity.csv. <paramref name="runDevice"/> picks whose runs are
/// exported; the check itself runs on the CPU, where ONNX Runtime runs, so that it tests the graph and not the
/// difference between a GPU's TF32 convolutions and the CPU's FP32 ones.
/// </summary>
public sealed class ExportPipeline(RunStore store, IDatasetProvider data, Device runDevice, bool initialWeights = false)
{
    public const int ParityImages = 256;

    public string OnnxDir => Path.Combine(store.ProfileDir, RunStore.OnnxFolder);
    public string OnnxPath(ModelSpec spec) => Path.Combine(OnnxDir, spec.FileName + ".onnx");

    public IReadOnlyList<ParityResult> Run(IEnumerable<ModelSpec> specs, Action<ParityResult>? exported = null)
    {
        var trained = new TrainedModels(store, initialWeights);
        var results = new List<ParityResult>();
        foreach (var spec in specs)
        {
            var run = trained.RunOf(spec, DeviceSelector.NameOf(runDevice));
            using var module = trained.Load(spec, run, CPU);
            using var scope = NewDisposeScope();
            var dataset = data.Load(spec.Dataset, null, ParityImages, CPU);
            var (mean, std) = spec.Recipe.Normalization.Resolve(dataset.Mean, dataset.Std);
            var images = dataset.TestImages.narrow(0, 0, Math.Min(ParityImages, dataset.TestImages.shape[0])).sub(mean).div(std);
            var onnx = OnnxExport.Write(spec, module, OnnxPath(spec));
            var result = Parity.Check(spec, module, images, onnx) with { Weights = trained.WeightsOf(run) };
            results.Add(result);
            exported?.Invoke(result);
        }
        ParityCsv.Write(store.TableOf(RunStore.ParityTable), results);
        return results;
    }
}
