using System.CommandLine;
using FashionBench.Cli;
using FashionBench.Cli.Commands;

namespace FashionBench.Tests.Data;

/// <summary>Runs <c>fashionbench data</c> in-process through the real top level, capturing stdout and stderr.</summary>
static class CliRun
{
    public static (int ExitCode, string[] Out, string[] Err) Data(params string[] args)
    {
        var root = new RootCommand("test") { DataCommand.Create() };
        var (savedOut, savedErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = TopLevel.Run(root, ["data", .. args]);
            return (exit, Lines(stdout), Lines(stderr));
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedErr);
        }
    }

    static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
