using System.CommandLine;
using FashionBench.Cli.Options;
using FashionBench.Harness.Data;

namespace FashionBench.Cli.Commands;

/// <summary><c>fashionbench data</c>: puts verified copies of the dataset files into the cache.</summary>
public static class DataCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = "Dataset to acquire.",
            DefaultValueFactory = _ => "all",
        };
        dataset.AcceptOnlyFromAmong([.. DatasetCatalog.All.Select(d => d.Name), "all"]);
        var dataDir = new Option<string?>("--data-dir")
        {
            HelpName = "DIR",
            Description = $"Cache directory (default: ${DataSources.DataDirVariable}, else data/ at the repository root).",
        };
        var mirror = new Option<string?>("--mirror")
        {
            HelpName = "DIRS",
            Description = $"Local mirror directories laid out as <dataset>/<file>.gz, separated by '{Path.PathSeparator}' " +
                          $"(default: ${DataSources.MirrorVariable}). Tried after the cache, before HTTP.",
        };
        var offline = new Option<bool>("--offline")
        {
            Description = "Use only the cache and local mirrors; never download.",
        };

        var command = new Command("data",
            "Acquire the datasets: cache, then local mirrors, then Debian's dataset-fashion-mnist files, then the official " +
            "HTTP mirrors. Every file is checked against its catalogued size and SHA-256 (or its raw IDX SHA-256) before use.");
        command.Options.Add(dataset);
        command.Options.Add(dataDir);
        command.Options.Add(mirror);
        command.Options.Add(offline);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(dataset)!;
            var datasets = name == "all" ? DatasetCatalog.All : [DatasetCatalog.Get(name)];
            var cache = parse.GetValue(dataDir) is { } dir ? PathRules.WritableFolder("--data-dir", dir) : null;
            var acquirer = DatasetAcquirer.FromEnvironment(Harness.RepoRoot.Find(), PipelineSession.Notice, cache, parse.GetValue(mirror),
                parse.GetValue(offline));
            foreach (var info in datasets)
            foreach (var file in acquirer.Acquire(info).Files)
                Console.WriteLine($"{info.Name}/{file.File.Name}: SHA-256 {file.GzSha256} verified, from {file.Source}");
            return 0;
        });
        return command;
    }
}
