namespace GridGov.Features.Organization;

public sealed record OrgUnitDto(long Code, string Name, OrgLevel Level, string LevelName, long? ParentCode,
    int ChildCount, double AreaKm2, double LabelLon, double LabelLat, bool HasBoundary, bool BoundaryGenerated);

public sealed record OrgCounts(long Code, int Districts, int Streets, int Communities, int Grids)
{
    // The counts worth showing under a unit of this level: only the levels below it.
    public IEnumerable<(string Label, int Value)> Below(OrgLevel level)
    {
        if (level < OrgLevel.District) yield return ("区县", Districts);
        if (level < OrgLevel.Street) yield return ("街道（镇）", Streets);
        if (level < OrgLevel.Community) yield return ("社区（村）", Communities);
        if (level < OrgLevel.Grid) yield return ("网格", Grids);
    }
}
