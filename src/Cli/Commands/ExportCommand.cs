using System.CommandLine;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness.Export;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Commands;

/// <summary>`fashionbench export`: trained weights → ONNX, with a parity check against TorchSharp (parity.csv).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var options = new PipelineOptions(Profile.Default, loadsWeights: true);
        var command = new Command("export", "Write each trained model as ONNX and check ONNX Runtime against TorchSharp (parity.csv)");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            using var session = PipelineSession.Open(options.Read(parse));
            var results = new ExportPipeline(session.Store, session.Datasets, session.Device, session.Settings.InitialWeights).Run(session.PlannedSpecs(), r =>
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: max |Δ| {1:E2}, argmax agreement {2:P1}, {3:N0} bytes — {4}",
                    r.Model, r.MaxAbsDiff, r.ArgmaxAgreement, r.OnnxBytes, r.Passed ? "parity" : "PARITY FAILED")));
            var failed = results.Where(r => !r.Passed).Select(r => r.Model).ToList();
            if (failed.Count == 0) return 0;
            Console.Error.WriteLine($"error: parity failed for {string.Join(", ", failed)} (see {session.Store.ProfileDir}/parity.csv)");
            return 1;
        });
        return command;
    }
}
