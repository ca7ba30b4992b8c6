using FashionBench.Cli;

namespace FashionBench.Tests.Cli;

/// <summary>Runs `fashionbench` in-process through the real command tree and top level, capturing stdout and stderr.</summary>
static class CliRun
{
    static readonly Lock ConsoleLock = new();

    public static (int ExitCode, string[] Out, string[] Err) Run(params string[] args)
    {
        lock (ConsoleLock)
        {
            var (savedOut, savedErr) = (Console.Out, Console.Error);
            var (stdout, stderr) = (new StringWriter(), new StringWriter());
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var exit = TopLevel.Run(CliApp.Create(), args);
                return (exit, Lines(stdout), Lines(stderr));
            }
            finally
            {
                Console.SetOut(savedOut);
                Console.SetError(savedErr);
            }
        }
    }

    public static (int ExitCode, string[] Out, string[] Err) Data(params string[] args) => Run(["data", .. args]);

    static string[] Lines(StringWriter writer) =>
        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
