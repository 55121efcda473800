using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace GridGov.Features.Tickets.Categories;

// Reads data/tickets/demo-phrases.csv (category,text): descriptions a grid worker or caller would
// write, by minor category, for demo tickets and for training the category guess. "{place}" stands
// for an address or building and is filled in with Fill.
public static class DemoPhrases
{
    public const string Place = "{place}";

    public static ILookup<string, string> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path));
    }

    public static ILookup<string, string> Read(TextReader reader, string fileName)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, TrimOptions = TrimOptions.Trim };
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
                throw Error(fileName, 1, null, "文件为空，缺少表头 category,text");
            var missing = new[] { "category", "text" }.Where(c => !csv.HeaderRecord.Contains(c)).ToList();
            if (missing.Count > 0)
                throw Error(fileName, 1, null, $"缺少列 {string.Join("、", missing)}（表头为 {string.Join(",", csv.HeaderRecord)}）");
            var pairs = new List<(string Category, string Text)>();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var category = csv.GetField("category") ?? "";
                var text = csv.GetField("text") ?? "";
                if (category.Length == 0) throw Error(fileName, line, "category", "类别代码为空");
                if (text.Length == 0) throw Error(fileName, line, "text", $"{category} 的描述为空");
                pairs.Add((category, text));
            }
            return pairs.ToLookup(p => p.Category, p => p.Text);
        }
        catch (CsvHelperException e)
        {
            throw Error(fileName, csv.Parser.RawRow, null, $"无法解析（{e.GetType().Name}）");
        }
    }

    public static string Fill(string text, string place) => text.Replace(Place, place, StringComparison.Ordinal);

    static FormatException Error(string fileName, int line, string? column, string why) =>
        new(column is null ? $"{fileName} 第 {line} 行：{why}" : $"{fileName} 第 {line} 行 {column} 列：{why}");
}
