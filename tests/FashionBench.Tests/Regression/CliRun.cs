using FashionBench.Cli;

namespace FashionBench.Tests.Regression;

/// <summary>Runs `fashionbench` in-process through the real command tree and top level, capturing stdout and stderr whole.</summary>
static class CliRun
{
    public static (int ExitCode, string Out, string Err) Invoke(params string[] args)
    {
        var (savedOut, savedErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            return (TopLevel.Run(CliApp.Create(), args), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedErr);
        }
    }
}
