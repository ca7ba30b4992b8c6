using System.CommandLine;
using FashionBench.Cli.Options;
using FashionBench.Harness;
using FashionBench.Harness.Machine;
using FashionBench.Harness.Regression;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Statistics;
using FashionBench.Models;
using Spectre.Console;

namespace FashionBench.Cli.Commands;

/// <summary>
/// `fashionbench regress`: trains (or reuses) a profile's runs, compares them with the thresholds file, prints the
/// table, writes regression.csv and regression.md, and exits 1 when any accuracy or macro F1 is below its minimum.
/// </summary>
public static class RegressCommand
{
    public const int Regressed = 1;

    public static Command Create()
    {
        var options = new PipelineOptions("quick", trains: true);
        var thresholds = new Option<string>("--thresholds")
        {
            HelpName = "PATH", Description = "Thresholds file (written by `fashionbench thresholds`)",
            DefaultValueFactory = _ => ThresholdsFile.DefaultPath,
        };
        var noTrain = new Option<bool>("--no-train")
        {
            Description = "Train nothing: compare the complete runs already in the profile folder (only --models filters them)",
        };
        var command = new Command("regress",
            "Compare a profile's runs with the committed thresholds; exit 1 on any accuracy or macro F1 regression");
        options.AddTo(command);
        command.Options.Add(thresholds);
        command.Options.Add(noTrain);
        command.SetAction((parse, cancel) =>
            Task.FromResult(Run(options.Read(parse), parse.GetValue(thresholds)!, parse.GetValue(noTrain), cancel)));
        return command;
    }

    public static int Run(PipelineSettings settings, string thresholdsPath, bool noTrain, CancellationToken cancel)
    {
        var profile = settings.Profile.Name;
        // A bad file, or no bars for the profile, fails before hours of training: a gate without bars checks nothing.
        var bars = ThresholdsFile.Load(thresholdsPath).For(profile)
            ?? throw new UserError($"{thresholdsPath}: no thresholds for profile '{profile}'; derive them first " +
                                   $"(`fashionbench thresholds --from <results>/{profile} --out {thresholdsPath}`)");

        var chosen = settings.Models is null ? null : ModelCatalog.Match(settings.Models, ModelCatalog.All).Select(s => s.Id).ToHashSet();
        Func<string, bool>? inScope = chosen is null ? null : chosen.Contains;

        if (noTrain)
        {
            var store = new RunStore(settings.Results, profile);
            using (ResultsLock.Acquire(store.ProfileDir, PipelineSession.Notice))
                return Report(Judge(store, null), store.ProfileDir);
        }
        // One session: the runs it trains are judged under the same lock, from the same store (each file hashed once).
        using var session = PipelineSession.Open(settings);
        var exit = TrainCommand.Run(session, cancel);
        return exit != 0 ? exit : Report(Judge(session.Store, session.Plan().Select(p => p.Config.RunId).ToHashSet()), session.Store.ProfileDir);

        IReadOnlyList<RegressionRow> Judge(RunStore store, HashSet<string>? planned)
        {
            var runs = RegressionCheck.RunsToJudge(store, planned, inScope);
            if (runs.Count == 0)
                throw new UserError($"{store.ProfileDir}: no complete runs to compare" +
                                    (noTrain ? " (--no-train: train them first, or merge shard results into this folder)" : ""));
            var rows = RegressionCheck.Compare(runs, bars, inScope, id => store.RecordedHash(id, RunStore.PredictionsFile), CpuVendor.Current);
            RegressionFiles.Write(store.ProfileDir, profile, thresholdsPath, bars, rows);
            return rows;
        }
    }

    static int Report(IReadOnlyList<RegressionRow> rows, string profileDir)
    {
        var table = new Table().AddColumns("model", "seed", "device", "run", "metric", "measured", "threshold", "status", "note");
        foreach (var r in rows)
        {
            var status = r.Status switch
            {
                RegressionStatus.Fail => $"[red bold]{r.Status}[/]",
                RegressionStatus.Warning or RegressionStatus.NoThreshold or RegressionStatus.NoRun => $"[yellow]{Markup.Escape(r.Status)}[/]",
                _ => Markup.Escape(r.Status),
            };
            var run = r.RunStatus is "" or "ok" ? Markup.Escape(r.RunStatus) : $"[yellow]{r.RunStatus}[/]";
            table.AddRow(Markup.Escape(r.Model), r.Seed?.ToString() ?? "", r.Device, run, r.Metric,
                RegressionMarkdown.Number(r.Metric, r.Measured), RegressionMarkdown.Number(r.Metric, r.Threshold), status,
                Markup.Escape(r.Note));
        }
        AnsiConsole.Write(table);

        foreach (var r in rows.Where(r => r.Status is RegressionStatus.Warning or RegressionStatus.NoThreshold))
            Console.Error.WriteLine($"{r.Status}: {r.Model}{(r.Seed is { } s ? $" seed {s}" : "")} {r.Metric}: {r.Note}");
        var failures = RegressionCheck.Failures(rows);
        foreach (var f in failures) Console.Error.WriteLine($"regression: {RegressionCheck.Describe(f, f.Model)}");
        Console.WriteLine(failures.Count == 0
            ? $"no regression ({rows.Count} checks); {RunStore.RegressionTable} and {RunStore.RegressionMarkdown} in {profileDir}"
            : $"{failures.Count} regression(s) in {failures.Select(f => f.Model).Distinct().Count()} model(s); see {Path.Combine(profileDir, RunStore.RegressionMarkdown)}");
        return failures.Count == 0 ? 0 : Regressed;
    }
}
