using System.Globalization;
using FashionBench.Harness.Runs;
using FashionBench.Harness.Training;
using FashionBench.Models;
using Spectre.Console;

namespace FashionBench.Cli.Display;

/// <summary>
/// Live progress of a training matrix: in a terminal, a Spectre.Console progress bar per run (run k of n, epoch,
/// batch, loss, images/s, ETA); otherwise (CI logs) one line per epoch and per run.
/// </summary>
public sealed class TrainingDisplay : IProgress<TrainingProgress>
{
    ProgressContext? context;
    ProgressTask? task;
    string runLabel = "";
    int lastEpochPrinted;

    public static T Show<T>(Func<TrainingDisplay, T> body)
    {
        var display = new TrainingDisplay();
        if (!AnsiConsole.Profile.Capabilities.Interactive) return body(display);
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                display.context = ctx;
                return body(display);
            });
    }

    public void Starting(int position, int total, ModelSpec spec, RunConfig config)
    {
        runLabel = (total == 1 ? "" : $"[{position}/{total}] ") + $"{spec.Id} seed {config.Seed}";
        lastEpochPrinted = 0;
        if (context is null) Console.WriteLine($"{runLabel}: {config.Epochs} epoch(s) on {config.Device}");
        else task = context.AddTask(Markup.Escape(runLabel), maxValue: 1.0);
    }

    /// <summary>"label: done, test accuracy …" — the line a finished (or reused) run ends with.</summary>
    public static string Summary(string label, RunOutcome outcome)
    {
        var m = outcome.Metrics;
        var line = string.Format(CultureInfo.InvariantCulture, "{0}: {1} test accuracy {2:0.00} %, macro F1 {3:0.0000}, {4:0.0} s/epoch",
            label, outcome.Reused ? "reused," : "done,", m.TestAccuracy * 100, m.MacroF1, m.EpochSecondsMedian);
        return m.Judged is { Status: not HealthStatus.Ok } health ? $"{line} — {health.Label.ToUpperInvariant()}: {health.Reason}" : line;
    }

    public void Finished(RunOutcome outcome)
    {
        var line = Summary(runLabel, outcome);
        if (task is not null)
        {
            task.Value = task.MaxValue;
            task.Description = Markup.Escape(line);
            task.StopTask();
        }
        else Console.WriteLine(line);
    }

    public void Report(TrainingProgress p)
    {
        var text = string.Format(CultureInfo.InvariantCulture, "{0} epoch {1}/{2} batch {3}/{4} loss {5:0.0000} {6:0} img/s",
            runLabel, p.Epoch, p.Epochs, p.Batch, p.Batches, p.Loss, p.ImagesPerSecond);
        if (task is not null)
        {
            task.Description = Markup.Escape(text);
            task.Value = ((p.Epoch - 1) + p.Batch / (double)p.Batches) / p.Epochs;
        }
        else if (p.Batch == p.Batches && p.Epoch != lastEpochPrinted)
        {
            lastEpochPrinted = p.Epoch;
            Console.WriteLine(text);
        }
    }
}
