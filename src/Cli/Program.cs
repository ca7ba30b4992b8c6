using System.CommandLine;
using FashionBench.Cli;

var root = new RootCommand("FashionBench: re-train the documented Fashion-MNIST/MNIST models, measure them, report.");
foreach (var command in new Command[]
         {
             FashionBench.Cli.Commands.DataCommand.Create(),
         })
    root.Subcommands.Add(command);

return TopLevel.Run(root, args);
