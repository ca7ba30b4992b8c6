using System.CommandLine;
using FashionBench.Cli.Commands;

namespace FashionBench.Cli;

/// <summary>The `fashionbench` command tree: one verb per job.</summary>
public static class CliApp
{
    public static RootCommand Create()
    {
        var root = new RootCommand("FashionBench: re-train the documented Fashion-MNIST/MNIST models, measure them, report.");
        foreach (var command in new Command[]
                 {
                     DataCommand.Create(),
                     ModelsCommand.Create(),
                     TrainCommand.Create(),
                     ExportCommand.Create(),
                     BenchCommand.Create(),
                     ReportCommand.Create(),
                     ThresholdsCommand.Create(),
                     RegressCommand.Create(),
                     MergeCommand.Create(),
                     BenchTrainCommand.Create(),
                     PlanCommand.Create(),
                     DoctorCommand.Create(),
                     OmitWeightsCommand.Create(),
                     CompareCommand.Create(),
                     MigrateCommand.Create(),
                 })
            root.Subcommands.Add(command);
        return root;
    }
}
