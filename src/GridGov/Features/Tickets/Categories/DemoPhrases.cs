using GridGov.Infrastructure.Files;

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

    public static ILookup<string, string> Read(TextReader reader, string fileName) =>
        DataCsv.Read(reader, fileName, ["category", "text"], csv =>
        {
            var pairs = new List<(string Category, string Text)>();
            while (csv.Read())
            {
                var line = csv.Parser.RawRow;
                var category = csv.GetField("category") ?? "";
                var text = csv.GetField("text") ?? "";
                if (category.Length == 0) throw DataCsv.Error(fileName, line, "category", "类别代码为空");
                if (text.Length == 0) throw DataCsv.Error(fileName, line, "text", $"{category} 的描述为空");
                pairs.Add((category, text));
            }
            return pairs.ToLookup(p => p.Category, p => p.Text);
        });

    public static string Fill(string text, string place) => text.Replace(Place, place, StringComparison.Ordinal);
}
