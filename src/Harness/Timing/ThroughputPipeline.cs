using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using FashionBench.Models;
using static TorchSharp.torch;

namespace FashionBench.Harness.Timing;

/// <summary>Inference throughput of each model's trained weights (or initial ones, see <see cref="TrainedModels"/>), TorchSharp against ONNX Runtime → throughput.csv.</summary>
public sealed class ThroughputPipeline(RunStore store, Device device, InferenceThroughputSettings settings, Action<string> notice,
    bool initialWeights = false)
{
    /// <param name="output">Where the records go; the profile's throughput.csv by default. The engines not timed go beside it (<see cref="InferenceNotTimed.PathBeside"/>).</param>
    public IReadOnlyList<InferenceThroughputRecord> Run(IEnumerable<ModelSpec> specs, Func<ModelSpec, string> onnxPath,
        Action<InferenceThroughputRecord>? measured = null, string? output = null)
    {
        var trained = new TrainedModels(store, initialWeights);
        var records = new List<InferenceThroughputRecord>();
        var notTimed = new List<InferenceNotTimed>();
        foreach (var spec in specs)
        {
            var path = onnxPath(spec);
            if (!File.Exists(path)) throw new UserError($"{path}: missing; run `fashionbench export` for this profile first");
            var run = trained.RunOf(spec, DeviceSelector.NameOf(device));
            using var module = trained.Load(spec, run, device);
            InferenceMeasurement measuredHere;
            try { measuredHere = InferenceThroughput.Measure(spec, module, File.ReadAllBytes(path), settings, notice); }
            catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
            {
                throw new UserError($"{path}: ONNX Runtime cannot load or run it ({e.Message.Split('\n')[0]})");
            }
            foreach (var record in measuredHere.Records.Select(r => r with { Weights = trained.WeightsOf(run) }))
            {
                records.Add(record);
                measured?.Invoke(record);
            }
            notTimed.AddRange(measuredHere.NotTimed);
        }
        InferenceThroughputCsv.Write(output ?? store.TableOf(RunStore.ThroughputTable), records, notTimed);
        return records;
    }
}
