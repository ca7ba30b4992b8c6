using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FashionBench.Harness.Csv;

/// <summary>CSV in and out with CsvHelper: invariant culture, header row, atomic writes.</summary>
public static class CsvFile
{
    static readonly CsvConfiguration Config = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    /// <summary>Columns from [Name] attributes, or from <paramref name="columns"/> for records that cannot carry them.</summary>
    public static void Write<T>(string path, IEnumerable<T> rows, ClassMap<T>? columns = null) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvWriter(writer, Config);
            if (columns is not null) csv.Context.RegisterClassMap(columns);
            csv.WriteRecords(rows);
        });

    public static List<T> Read<T>(string path, ClassMap<T>? columns = null)
    {
        try
        {
            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, Config);
            if (columns is not null) csv.Context.RegisterClassMap(columns);
            return csv.GetRecords<T>().ToList();
        }
        catch (CsvHelperException e)
        {
            throw new UserError($"{path}: not a valid {typeof(T).Name} table ({e.GetType().Name})");
        }
    }
}
