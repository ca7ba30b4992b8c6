using System.CommandLine;
using FashionBench.Cli.Options;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench merge DIR... [--results results]`: copies the complete runs of shard results folders into one results
/// folder and rebuilds its tables, so `regress --no-train` and `report` see the whole matrix.
/// </summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("dirs")
        {
            HelpName = "DIR", Arity = ArgumentArity.OneOrMore,
            Description = "Results folders written by `train --shard k/n` (each holding <profile>/runs/)",
        };
        var results = new Option<string>("--results") { Description = "Results folder to merge into", DefaultValueFactory = _ => "results" };
        var command = new Command("merge",
            "Merge shard results folders: copy their complete runs (hash-verified) into one results folder, then rebuild its tables");
        command.Arguments.Add(sources);
        command.Options.Add(results);
        command.SetAction(parse => Run(parse.GetValue(sources)!, PathRules.WritableFolder("--results", parse.GetValue(results)!)));
        return command;
    }

    public static int Run(IReadOnlyList<string> sources, string results)
    {
        foreach (var c in ShardMerge.Merge(sources, results, PipelineSession.Notice))
            Console.WriteLine($"{c.Profile}: {c.Copied} run(s) copied, {c.AlreadyPresent} already present, " +
                              $"{c.LeftOut} left out as not complete; tables rebuilt in {Path.Combine(results, c.Profile)}");
        return 0;
    }
}
