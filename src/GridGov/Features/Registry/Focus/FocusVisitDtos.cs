namespace GridGov.Features.Registry.Focus;

// A visit as the phone sends it: when (the phone's own time, so a visit kept offline keeps it), where,
// what was found, the risk after it, the photos already uploaded.
public sealed record RecordVisit(DateTime? VisitedAt = null, double? Lon = null, double? Lat = null, string? Findings = null,
    RiskLevel? RiskAfter = null, List<string>? Photos = null);

public sealed record FocusVisitRow(long Id, long FocusSubjectId, DateTime VisitedAt, long VisitorId, string VisitorName, double? Lon, double? Lat,
    string Findings, RiskLevel RiskBefore, string RiskBeforeName, RiskLevel RiskAfter, string RiskAfterName, List<string> Photos)
{
    public static FocusVisitRow Of(FocusVisit v) => new(v.Id, v.FocusSubjectId, v.VisitedAt, v.VisitorId, v.VisitorName, v.Lon, v.Lat, v.Findings,
        v.RiskBefore, FocusNames.Risk(v.RiskBefore), v.RiskAfter, FocusNames.Risk(v.RiskAfter), Split(v.Photos));

    public static List<string> Split(string? photos) => string.IsNullOrEmpty(photos) ? [] : [.. photos.Split(',')];
}

// What a recorded visit answers: the visit and the subject as it now stands (next visit, risk, frequency).
public sealed record FocusVisitSaved(FocusVisitRow Visit, FocusRow Subject);

// A group of overdue subjects on the focus page's counts: a grid, or a responsible worker (Key null: none).
public sealed record FocusOverdueGroup(long? Key, string Name, int Count);
