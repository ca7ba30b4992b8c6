using System.CommandLine;
using FashionBench.Cli;
using FashionBench.Cli.Commands;

var root = new RootCommand("FashionBench: re-train the documented Fashion-MNIST/MNIST models, measure them, report.");
foreach (var command in new Command[]
         {
             DataCommand.Create(),
             ModelsCommand.Create(),
             TrainCommand.Create(),
             BenchTrainCommand.Create(),
             PlanCommand.Create(),
         })
    root.Subcommands.Add(command);

return TopLevel.Run(root, args);
