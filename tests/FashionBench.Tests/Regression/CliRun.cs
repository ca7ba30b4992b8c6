using System.CommandLine;
using FashionBench.Cli;
using FashionBench.Cli.Commands;

namespace FashionBench.Tests.Regression;

/// <summary>Runs the thresholds, regress and merge verbs in-process through the real top level, capturing stdout and stderr.</summary>
static class CliRun
{
    public static (int ExitCode, string Out, string Err) Invoke(params string[] args)
    {
        var root = new RootCommand("test") { ThresholdsCommand.Create(), RegressCommand.Create(), MergeCommand.Create() };
        var (savedOut, savedErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            return (TopLevel.Run(root, args), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedErr);
        }
    }
}
