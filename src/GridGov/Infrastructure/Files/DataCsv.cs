using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GridGov.Infrastructure.Files;

// The CSV files that ship in data/ and are edited by hand (holidays, categories, demo phrases):
// fields trimmed, the required columns checked before any row, and every error naming the file, the
// line and the column, so that whoever edited it finds the mistake.
public static class DataCsv
{
    // `rows` reads the rows after the header; it reports its own mistakes with Error.
    public static T Read<T>(TextReader reader, string fileName, IReadOnlyList<string> columns, Func<CsvReader, T> rows)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
                throw Error(fileName, 1, null, $"文件为空，缺少表头 {string.Join(",", columns)}");
            var header = csv.HeaderRecord;
            var missing = columns.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
                throw Error(fileName, 1, null, $"缺少列 {string.Join("、", missing)}（表头为 {string.Join(",", header)}）");
            return rows(csv);
        }
        catch (CsvHelperException e)
        {
            throw Error(fileName, csv.Parser.RawRow, null, $"无法解析（{e.GetType().Name}）");
        }
    }

    public static FormatException Error(string fileName, int line, string? column, string why) =>
        new(column is null ? $"{fileName} 第 {line} 行：{why}" : $"{fileName} 第 {line} 行 {column} 列：{why}");
}
