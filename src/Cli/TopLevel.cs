using System.CommandLine;
using FashionBench.Harness;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Runs;
using Spectre.Console;

namespace FashionBench.Cli;

/// <summary>
/// Turns failures into exit codes: a <see cref="UserError"/> becomes one line on stderr (exit 2 unless it says
/// otherwise); anything unexpected becomes a short message plus the path of a log with the full trace (exit 70).
/// </summary>
public static class TopLevel
{
    public const int Unexpected = 70;

    public static int Run(RootCommand root, string[] args)
    {
        ConfigureConsole();
        var parse = root.Parse(args);
        // Bad options: one line naming the problem (System.CommandLine would print the whole help as well).
        if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
            // One line, even where System.CommandLine lists the allowed values on lines of their own.
            var message = string.Join(' ', error.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            Console.Error.WriteLine($"error: {message} (see `fashionbench {command}--help`)");
            return 2;
        }
        try
        {
            KernelIsa.ApplyFromEnvironment();   // before the first tensor: libtorch reads its switches once
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Unwrap(e) is UserError user)
        {
            Console.Error.WriteLine($"error: {user.Message}");
            return user.ExitCode;
        }
        catch (TypeInitializationException e) when (e.TypeName == "TorchSharp.torch")
        {
            Console.Error.WriteLine($"error: libtorch could not be loaded: {FirstLine(Unwrap(e.InnerException ?? e).Message)} " +
                                    "(see README: GLIBCXX note, FASHIONBENCH_LIBTORCH)");
            return 3;
        }
        catch (Exception e)
        {
            var log = WriteLog(args, e);
            Console.Error.WriteLine($"error: unexpected {e.GetType().Name}: {FirstLine(e.Message)} (full trace: {log})");
            return Unexpected;
        }
    }

    /// <summary>
    /// Tables and colours for a terminal only, as .NET's own CLI tools do: output to a file or pipe gets no ANSI codes
    /// and is not wrapped at 80 columns, and NO_COLOR (any non-empty value, no-color.org) turns colour off.
    /// </summary>
    static void ConfigureConsole()
    {
        var redirected = Console.IsOutputRedirected;
        var plain = redirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        if (redirected) console.Profile.Width = RedirectedWidth;
        AnsiConsole.Console = console;
    }

    /// <summary>The width tables are laid out to when stdout is not a terminal: wide enough that no row wraps.</summary>
    public const int RedirectedWidth = 400;

    static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } agg ? Unwrap(agg.InnerExceptions[0])
        : e is System.Reflection.TargetInvocationException { InnerException: { } inner } ? Unwrap(inner)
        : e;

    static string FirstLine(string s) => s.Split('\n')[0].Trim();

    // Logs go to <results>/logs/ when --results is given, else ./results/logs/.
    static string WriteLog(string[] args, Exception e)
    {
        var results = "results";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--results" && i + 1 < args.Length) results = args[i + 1];
            else if (args[i].StartsWith("--results=", StringComparison.Ordinal)) results = args[i]["--results=".Length..];
        }
        var dir = Path.Combine(results, "logs");
        try { Directory.CreateDirectory(dir); }
        catch (IOException) { dir = Path.GetTempPath(); }
        catch (UnauthorizedAccessException) { dir = Path.GetTempPath(); }
        var path = Path.GetFullPath(Path.Combine(dir, $"crash-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.log"));
        File.WriteAllText(path, $"fashionbench {string.Join(' ', args)}\n{e}\n");
        return path;
    }
}
