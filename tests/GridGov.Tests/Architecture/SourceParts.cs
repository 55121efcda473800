using System.Text.RegularExpressions;

namespace GridGov.Tests.Architecture;

// Reads the source tree the way a reviewer would: which part a file belongs to (host, plumbing,
// shared UI, an area) and which parts it names (usings, @using, qualified names).
public static partial class SourceParts
{
    public const string Host = "Host", Infrastructure = "Infrastructure", Components = "Components";

    public static readonly string[] Areas =
        ["Organization", "Identity", "Audit", "Tickets", "Registry", "Terminal", "Panorama", "Analytics", "Appraisal", "DataHub", "Command", "Admin", "Workbench"];

    public static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("GridGov.slnx not found above the test binaries"), "src", "GridGov");
    }

    // The files of the application with their path relative to src/GridGov ('/' separated).
    public static IEnumerable<(string Path, string Text)> Files(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), File: f))
            .Where(f => !f.Path.StartsWith("bin/", StringComparison.Ordinal) && !f.Path.StartsWith("obj/", StringComparison.Ordinal)
                && !f.Path.StartsWith("node_modules/", StringComparison.Ordinal))
            .Select(f => (f.Path, File.ReadAllText(f.File)));

    // The part a file belongs to. The root _Imports.razor applies to every component, shared UI
    // included, so it counts as shared UI.
    public static string PartOf(string path) => path switch
    {
        "Program.cs" => Host,
        "_Imports.razor" => Components,
        _ when path.StartsWith("Host/", StringComparison.Ordinal) => Host,
        _ when path.StartsWith("Infrastructure/", StringComparison.Ordinal) => Infrastructure,
        _ when path.StartsWith("Components/", StringComparison.Ordinal) => Components,
        _ when path.StartsWith("Features/", StringComparison.Ordinal) => path.Split('/')[1],
        _ => Host,
    };

    // The parts a file's text names, other than its own.
    public static HashSet<string> Uses(string path, string text)
    {
        var own = PartOf(path);
        var used = new HashSet<string>();
        foreach (Match m in Qualified().Matches(text))
            used.Add(m.Groups["area"].Success ? m.Groups["area"].Value : m.Groups["part"].Value);
        // Inside GridGov.Features an area is reachable by its short name: `Organization.OrgUnit`.
        if (Areas.Contains(own))
            foreach (Match m in ShortArea().Matches(text))
                if (Areas.Contains(m.Groups["area"].Value)) used.Add(m.Groups["area"].Value);
        used.Remove(own);
        return used;
    }

    [GeneratedRegex(@"\bGridGov\.(?:Features\.(?<area>\w+)|(?<part>Host|Components|Infrastructure))\b|(?<![\w.])Features\.(?<area>\w+)\b")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"(?<![\w.""])(?<area>[A-Z]\w+)\.[A-Z]\w*(?=[\s.(<>,;)\]}\[?!]|$)")]
    private static partial Regex ShortArea();
}
