using System.CommandLine;
using FashionBench.Cli;
using FashionBench.Cli.Commands;
using NUnit.Framework;

namespace FashionBench.Tests.Timing;

/// <summary>bench-train and plan reject bad options with one line naming the option, before loading any data.</summary>
public class TrainThroughputCliTests
{
    static (int Exit, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test") { BenchTrainCommand.Create(), PlanCommand.Create() };
        var (savedOut, savedErr) = (Console.Out, Console.Error);
        var err = new StringWriter();
        Console.SetOut(new StringWriter());
        Console.SetError(err);
        try { return (TopLevel.Run(root, args), err.ToString().Trim()); }
        finally
        {
            Console.SetOut(savedOut);
            Console.SetError(savedErr);
        }
    }

    [TestCase("bench-train --model no/such-model", "--model")]
    [TestCase("bench-train --model fashion-cnn/aug-dropout --peer tensorflow", "--peer")]
    [TestCase("bench-train --model fashion-cnn/aug-dropout --batches 0", "--batches")]
    [TestCase("bench-train --model fashion-cnn/aug-dropout --threads 0", "--threads")]
    [TestCase("plan --profile nightly", "--profile")]
    [TestCase("plan --repetitions 0", "--repetitions")]
    public void BadOptionsExitWithAOneLineErrorNamingTheOption(string command, string option)
    {
        var (exit, err) = Run(command.Split(' '));
        Assert.That(exit, Is.EqualTo(2));
        Assert.That(err, Does.StartWith($"error: {option}:"));
        Assert.That(err.Split('\n'), Has.Length.EqualTo(1));
    }
}
