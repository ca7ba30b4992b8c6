using System.CommandLine;
using System.Globalization;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using Spectre.Console;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench thresholds --from &lt;results&gt;/&lt;profile&gt; [--out results/thresholds.json]`: derives the
/// regression bars of that profile from its complete runs and merges them into the thresholds file.
/// </summary>
public static class ThresholdsCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            HelpName = "DIR", Required = true,
            Description = "A profile folder of measured runs, <results>/<profile> (ideally 3 or more seeds per model)",
        };
        var output = new Option<string>("--out")
        {
            HelpName = "PATH", Description = "Thresholds file to update (other profiles in it are kept)",
            DefaultValueFactory = _ => ThresholdsFile.DefaultPath,
        };
        var command = new Command("thresholds",
            "Derive the regression thresholds of a profile from its measured runs (mean − k·SE; the derivation is written into the file)");
        command.Options.Add(from);
        command.Options.Add(output);
        command.SetAction(parse => Run(PathRules.ExistingFolder("--from", parse.GetValue(from)!), PathRules.WritableFile("--out", parse.GetValue(output)!)));
        return command;
    }

    public static int Run(string from, string output)
    {
        var dir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(from));
        var store = new RunStore(Path.GetDirectoryName(dir)!, Path.GetFileName(dir));
        var runs = store.CompleteRuns().Select(store.ReadMetrics).ToList();
        if (runs.Count == 0)
            throw new UserError($"--from: '{from}' holds no complete runs (expected <results>/<profile>/runs/<run-id>/complete.json)");
        var profile = ThresholdDerivation.ProfileOf(runs, from);
        var thresholds = ThresholdDerivation.Derive(runs, from, DateTimeOffset.UtcNow, id => store.RecordedHash(id, RunStore.PredictionsFile));
        ThresholdsFile.LoadOrEmpty(output).With(profile, thresholds).Save(output);

        var table = new Table().AddColumns("model", "seeds", "test images", "accuracy", "min accuracy", "macro F1", "min macro F1", "s/epoch");
        foreach (var (model, t) in thresholds.Models.OrderBy(m => m.Key, StringComparer.Ordinal))
            table.AddRow(Markup.Escape(model), Number(t.Seeds, "0"), Number(t.TestImages, "0"), Number(t.AccuracyMean, "0.0000"),
                Number(t.MinAccuracy, "0.0000"), Number(t.MacroF1Mean, "0.0000"), Number(t.MinMacroF1, "0.0000"),
                Number(t.ReferenceEpochSeconds, "0.000"));
        AnsiConsole.Write(table);
        Console.WriteLine($"profile '{profile}': {thresholds.Models.Count} model(s) written to {output}");
        return 0;
    }

    static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
