using System.CommandLine;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Options;

/// <summary>--results and --profile of the verbs that work on one existing profile folder (report, omit-weights, migrate).</summary>
public sealed class ProfileFolderOptions
{
    public Option<string> Results { get; } = new("--results") { Description = "Results root folder", DefaultValueFactory = _ => "results" };
    public Option<string> Profile { get; } = new("--profile") { Description = Harness.Runs.Profile.Names, DefaultValueFactory = _ => Harness.Runs.Profile.Default };

    public void AddTo(Command command)
    {
        command.Options.Add(Results);
        command.Options.Add(Profile);
    }

    public string ResultsRoot(ParseResult parse) => parse.GetValue(Results)!;

    /// <summary>The profile's name, checked against the known profiles.</summary>
    public string ProfileName(ParseResult parse) => Harness.Runs.Profile.Get(parse.GetValue(Profile)!).Name;

    /// <summary>The store of the profile folder; --results must exist.</summary>
    public RunStore Store(ParseResult parse) => new(PathRules.ExistingFolder("--results", ResultsRoot(parse)), ProfileName(parse));
}
