using System.CommandLine;
using System.Globalization;
using FashionBench.Models;
using FashionBench.Models.Building;
using Spectre.Console;

namespace FashionBench.Cli.Commands;

/// <summary>`fashionbench models [--csv] [--extended]`: the catalogue, with measured-from-spec parameter counts.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var csv = new Option<bool>("--csv") { Description = "Print id,dataset,params,forward_mflops,documented_accuracy,source" };
        var command = new Command("models", "List the documented models (catalogue ids, parameters, documented accuracy)") { csv };
        command.SetAction(parse =>
        {
            if (parse.GetValue(csv)) PrintCsv();
            else PrintTable();
            return 0;
        });
        return command;
    }

    static void PrintCsv()
    {
        Console.WriteLine("id,dataset,params,forward_mflops,documented_accuracy,source");
        foreach (var spec in ModelCatalog.All)
            Console.WriteLine(string.Join(',', spec.Id, spec.Dataset,
                SpecCost.Of(spec).Parameters.ToString(CultureInfo.InvariantCulture),
                (SpecCost.Of(spec).ForwardFlops / 1e6).ToString("0.000", CultureInfo.InvariantCulture),
                spec.Documented.TestAccuracy?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
                $"\"{spec.Source}\""));
    }

    static void PrintTable()
    {
        var table = new Table().AddColumns("id", "dataset", "params", "MFLOP/img", "documented acc.", "matrix", "source");
        foreach (var spec in ModelCatalog.All)
        {
            var cost = SpecCost.Of(spec);
            table.AddRow(spec.Id, spec.Dataset, cost.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                (cost.ForwardFlops / 1e6).ToString("0.00", CultureInfo.InvariantCulture),
                spec.Documented.TestAccuracy is { } a ? (a * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—",
                spec.IsProbe ? "probe" : spec.Extended ? "extended" : "default", Markup.Escape(spec.Source));
        }
        AnsiConsole.Write(table);
    }
}
