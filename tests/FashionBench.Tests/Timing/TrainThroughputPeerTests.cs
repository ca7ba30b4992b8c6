using System.Diagnostics;
using System.Text.Json;
using FashionBench.Harness;
using FashionBench.Harness.Timing;
using FashionBench.Models;
using FashionBench.Models.Building;
using FashionBench.Tests.Data;
using FashionBench.Tests.Training;
using NUnit.Framework;
using static TorchSharp.torch;

namespace FashionBench.Tests.Timing;

/// <summary>The PyTorch peer: skipped cleanly without an interpreter; with Debian's python3-torch, built from the same spec.</summary>
public class TrainThroughputPeerTests
{
    const string Python = "/usr/bin/python3";
    static readonly TrainThroughputOptions Tiny = new(CPU, 1, Batches: 1, Repetitions: 1, WarmupBatches: 0, EvalImages: 5);

    static bool PyTorchInstalled()
    {
        if (!File.Exists(Python)) return false;
        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch"]) { RedirectStandardError = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }

    [Test]
    public void WithoutTheInterpreterThePeerIsSkippedWithAReason()
    {
        var saved = Environment.GetEnvironmentVariable(TrainThroughputPeer.PythonVariable);
        Environment.SetEnvironmentVariable(TrainThroughputPeer.PythonVariable, "/nonexistent/python3");
        try
        {
            var (result, skipped) = TrainThroughputPeer.Measure(RepoRoot.Find(), TinySpecs.Adam, "/nonexistent", 0.5, 0.5, Tiny);
            Assert.That(result, Is.Null);
            Assert.That(skipped, Does.Contain("/nonexistent/python3").And.Contain(TrainThroughputPeer.PythonVariable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(TrainThroughputPeer.PythonVariable, saved);
        }
    }

    [Test, Category("Integration")]
    public void PyTorchBuildsEveryCatalogueSpecWithTheSpecsParameterCount()
    {
        if (!PyTorchInstalled()) Assert.Ignore($"{Python} cannot import torch (apt-get install python3-torch)");
        using var dir = new TempDirectory();
        var specs = ModelCatalog.All.Append(TinySpecs.Adam).ToList();
        var paths = specs.Select(spec => dir.Sub(spec.FileName + ".json")).ToList();
        foreach (var (spec, path) in specs.Zip(paths)) File.WriteAllText(path, TrainThroughputPeer.SpecJson(spec, 0.3, 0.3));
        using var script = Process.Start(new ProcessStartInfo(Python,
            [Path.Combine(RepoRoot.Find(), TrainThroughputPeer.ScriptPath), "--parameters-only", "--spec", .. paths])
            { RedirectStandardOutput = true })!;
        var lines = script.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        script.WaitForExit();
        Assert.That(lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("parameters").GetInt64()),
            Is.EqualTo(specs.Select(spec => SpecCost.Of(spec).Parameters)));
    }

    [Test, Category("Integration")]
    public void PyTorchTrainsTheTinySpecOnIdxFilesAndReportsItsThroughput()
    {
        if (!PyTorchInstalled()) Assert.Ignore($"{Python} cannot import torch (apt-get install python3-torch)");
        using var dir = new TempDirectory();
        var dataset = new SyntheticDataset();
        dataset.WriteMirror(dir.Path);
        var (result, skipped) = TrainThroughputPeer.Measure(RepoRoot.Find(), TinySpecs.Adam, dir.Sub(dataset.Info.Name), 0.5, 0.25, Tiny);
        Assert.That(skipped, Is.Null);
        Assert.That(result!.Engine, Is.EqualTo(TrainThroughputPeer.Engine));
        Assert.That(result.EngineVersion, Does.StartWith("PyTorch "));
        Assert.That(result.ImagesPerSecond, Is.Positive);
        Assert.That(result.EvalImagesPerSecond, Is.Positive);
        Assert.That(result.TrainLoss, Is.Positive);
        Assert.That(result.Threads, Is.EqualTo(1));
    }
}
