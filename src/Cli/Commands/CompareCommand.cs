using System.CommandLine;
using FashionBench.Cli.Options;
using FashionBench.Harness.Comparison;
using FashionBench.Harness;
using FashionBench.Harness.Csv;
using FashionBench.Harness.Runs;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench compare BASE RESULTS [--profile P]`: two results folders of one profile, model by model
/// (<see cref="ResultsComparison"/>). Prints Markdown (also to --markdown, e.g. $GITHUB_STEP_SUMMARY), writes
/// compare.csv into RESULTS' profile folder, where its report shows it; exit 1 with --fail-on-worse when a model is worse.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var baseRoot = new Argument<string>("base") { Description = "The results root compared against (e.g. results/reference)" };
        var root = new Argument<string>("results") { Description = "The results root compared (e.g. results)" };
        var profile = new Option<string>("--profile") { Description = Profile.Names, DefaultValueFactory = _ => Profile.Default };
        var margin = new Option<double>("--margin") { Description = "Δ accuracy, in percentage points, within which two results are the same", DefaultValueFactory = _ => ResultsComparison.DefaultMargin * 100 };
        var markdown = new Option<string?>("--markdown") { Description = "Also append the Markdown to this file (e.g. $GITHUB_STEP_SUMMARY)" };
        var failOnWorse = new Option<bool>("--fail-on-worse") { Description = "Exit 1 when a model is worse" };
        var command = new Command("compare", "Compare two results folders model by model: Δ accuracy and F1 with 95 % intervals, McNemar on paired seeds, time ratios");
        command.Arguments.Add(baseRoot);
        command.Arguments.Add(root);
        foreach (var option in new Option[] { profile, margin, markdown, failOnWorse }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var name = Profile.Get(parse.GetValue(profile)!).Name;
            var marginPp = parse.GetValue(margin);
            if (marginPp is < 0 or > 100 || double.IsNaN(marginPp)) throw new UserError($"--margin: must be between 0 and 100 percentage points, got {marginPp}");
            var stores = new[] { parse.GetValue(baseRoot)!, parse.GetValue(root)! }.Select((path, i) =>
            {
                var store = new RunStore(PathRules.ExistingFolder(i == 0 ? "base" : "results", path), name);
                return RunSelection.Of(store).Current.Count > 0 ? store : throw new UserError($"{store.ProfileDir}: no complete runs to compare");
            }).ToArray();
            var rows = ResultsComparison.Compare(stores[0], stores[1], marginPp / 100);
            if (rows.Count == 0) throw new UserError($"{stores[1].ProfileDir}: no model has healthy runs in both folders");
            CsvFile.Write(stores[1].TableOf(RunStore.CompareTable), rows);
            var text = CompareMarkdown.Render(stores[0].ProfileDir, stores[1].ProfileDir, marginPp / 100, rows);
            Console.Write(text);
            if (parse.GetValue(markdown) is { Length: > 0 } file) File.AppendAllText(file, text + "\n");
            return parse.GetValue(failOnWorse) && rows.Any(r => r.Verdict == ResultsComparison.Worse) ? 1 : 0;
        });
        return command;
    }
}
