namespace GridGov.Tests.Architecture;

// DESIGN.md §3 "Who may use whom", as data: what each part may name besides itself.
public static class DependencyRules
{
    static readonly string[] Plumbing = [SourceParts.Infrastructure, SourceParts.Components];
    static readonly string[] Common = [.. Plumbing, "Organization", "Identity"];
    static readonly string[] LoopAndRegister = ["Tickets", "Registry"];

    public static IReadOnlyCollection<string> Allowed(string part) => part switch
    {
        SourceParts.Host => [SourceParts.Infrastructure, SourceParts.Components, .. SourceParts.Areas],
        SourceParts.Infrastructure => [],
        SourceParts.Components => [SourceParts.Infrastructure],
        "Organization" => Plumbing,
        "Identity" => [.. Plumbing, "Organization"],
        // The panorama draws Analytics' rollups and Terminal's patrol tracks on the map (ADR 0016).
        "Panorama" => [.. Common, .. LoopAndRegister, "Analytics", "Terminal"],
        // The workbench is every account's home page: it gathers the account's own work from the areas
        // that hold it — queues and notices, the panorama's figures and the warnings, the grid worker's
        // list — through their public use cases, and nothing uses it (ADR 0018).
        "Workbench" => [.. Common, .. LoopAndRegister, "Analytics", "Panorama", "Terminal"],
        "Terminal" or "Analytics" or "Appraisal" or "Command" or "DataHub" => [.. Common, .. LoopAndRegister],
        _ => Common,
    };

    // Every forbidden edge in the given files: "Infrastructure/X.cs → Tickets".
    public static List<string> Violations(IEnumerable<(string Path, string Text)> files) =>
        files.SelectMany(f => SourceParts.Uses(f.Path, f.Text)
                .Where(used => !Allowed(SourceParts.PartOf(f.Path)).Contains(used))
                .Select(used => $"{f.Path} → {used}"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
