using System.CommandLine;
using FashionBench.Cli;
using NUnit.Framework;

namespace FashionBench.Tests.Robustness;

public class UnexpectedFailureTests
{
    [Test]
    public void AnUnexpectedExceptionBecomesAShortMessageALogWithTheTraceAndExit70()
    {
        var results = Directory.CreateTempSubdirectory("fb-crash-").FullName;
        var root = new RootCommand("test");
        var boom = new Command("boom");
        boom.Options.Add(new Option<string>("--results"));
        Func<ParseResult, int> fail = _ => throw new InvalidOperationException("something nobody expected\nsecond line");
        boom.SetAction(fail);
        root.Subcommands.Add(boom);

        var saved = Console.Error;
        var stderr = new StringWriter();
        Console.SetError(stderr);
        int exit;
        try { exit = TopLevel.Run(root, ["boom", "--results", results]); }
        finally { Console.SetError(saved); }

        Assert.That(exit, Is.EqualTo(TopLevel.Unexpected).And.EqualTo(70));
        var lines = stderr.ToString().Trim().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.Contain("InvalidOperationException: something nobody expected").And.Contain("full trace: "));
        var log = lines[0][(lines[0].IndexOf("full trace: ", StringComparison.Ordinal) + 12)..].TrimEnd(')');
        Assert.That(log, Does.StartWith(Path.Combine(results, "logs")));
        Assert.That(File.ReadAllText(log), Does.Contain("at ").And.Contain("second line"));
        Directory.Delete(results, recursive: true);
    }
}
