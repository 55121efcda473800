namespace GridGov.Features.Registry.Party;

// One participation as the phone or the office sends it.
public sealed record SavePartyActivity(PartyActivityKind? Kind = null, string? Title = null, DateOnly? On = null, decimal? Hours = null);

public sealed record PartyActivityRow(long Id, long PartyMemberId, PartyActivityKind Kind, string KindName, string Title, DateOnly On, decimal Hours,
    string RecordedByName, DateTime RecordedAt)
{
    public static PartyActivityRow Of(PartyActivity a) =>
        new(a.Id, a.PartyMemberId, a.Kind, PartyNames.Activity(a.Kind), a.Title, a.On, a.Hours, a.RecordedByName, a.RecordedAt);
}

// A member's participation: this year's hours and count, and the latest activities.
public sealed record PartyMemberActivities(PartyMemberRow Member, int Year, decimal HoursThisYear, int ActivitiesThisYear, List<PartyActivityRow> Items);

// A member in an organisation's summary: name (the registry shows names; numbers masked) and this year's hours.
public sealed record PartyMemberHours(long Id, string Name, string Gender, string IdMasked, string StatusName, string? Duty, string? OrgName,
    decimal HoursThisYear, int ActivitiesThisYear);

// An organisation (with those under it) in the caller's area: members and this year's participation.
public sealed record PartyOrgSummary(long Id, string Name, string KindName, string? PlaceName, int Depth, int Year, int Members, decimal HoursThisYear,
    int ActivitiesThisYear, List<PartyMemberHours> MemberHours);
