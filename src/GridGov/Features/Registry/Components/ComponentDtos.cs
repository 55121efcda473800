namespace GridGov.Features.Registry.Components;

// `Class`: a major class (C01) or a minor one (C0101).
public sealed record ComponentQuery(string? Class = null, ComponentState? State = null, long? Unit = null, long? Department = null, string? Keyword = null,
    int Page = 1, int PageSize = 20);

public sealed record ComponentRow(long Id, string Code, string ClassCode, string? ClassName, string? MajorName, string? Name, ComponentState Condition,
    string ConditionName, long? DepartmentId, string? DepartmentName, string? OwnerName, double? Lon, double? Lat, string? Location,
    DateOnly? InstalledOn, DateOnly? CheckedOn, long GridCode, string? GridName, VerificationState State, string StateName, int Version);

public sealed record ComponentRequest(string ClassCode, double? Lon, double? Lat, ComponentState Condition = ComponentState.Intact, string? Name = null,
    long? DepartmentId = null, string? OwnerName = null, string? Location = null, DateOnly? InstalledOn = null, DateOnly? CheckedOn = null, int? Version = null);

public sealed record CountItem(string Key, string Name, int Count);

// The area's components by major class and by state.
public sealed record ComponentCounts(int Total, List<CountItem> ByClass, List<CountItem> ByState);

public sealed record ComponentOption(string Code, string Name, string? Major);

public sealed record DepartmentOption(long Id, string Name);

// GeoJSON of component points for a map layer (RFC 7946); `Truncated` when the box held more than the cap.
public sealed record PointGeometry(double[] Coordinates)
{
    public string Type => "Point";
}

public sealed record PointProperties(long Id, string Code, string? ClassName, ComponentState Condition, string ConditionName);

public sealed record PointFeature(PointGeometry Geometry, PointProperties Properties)
{
    public string Type => "Feature";
}

public sealed record PointCollection(List<PointFeature> Features, bool Truncated)
{
    public string Type => "FeatureCollection";
}
