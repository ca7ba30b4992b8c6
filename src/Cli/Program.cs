using FashionBench.Cli;

return TopLevel.Run(CliApp.Create(), args);
