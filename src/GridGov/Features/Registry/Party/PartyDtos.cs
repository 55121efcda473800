using GridGov.Features.Registry.People;

namespace GridGov.Features.Registry.Party;

// An organisation of the tree with its members: its own and those of the organisations under it.
public sealed record PartyOrgNode(long Id, string Name, PartyOrgKind Kind, string KindName, long? ParentId, long GridCode, string? PlaceName,
    long? SecretaryId, string? SecretaryName, DateOnly? FoundedOn, int Members, int TotalMembers, int Version, List<PartyOrgNode> Children);

public sealed record SavePartyOrg(string Name, PartyOrgKind Kind, long? ParentId = null, long? GridCode = null, long? SecretaryId = null,
    DateOnly? FoundedOn = null, int? Version = null);

public sealed record PartyMemberQuery(long? Org = null, PartyMemberStatus? Status = null, bool? Mobile = null, bool? Reported = null,
    string? Keyword = null, int Page = 1, int PageSize = 20);

public sealed record PartyMemberRow(long Id, long PersonId, string Name, string Gender, string IdMasked, string? PhoneMasked, PartyMemberStatus Status,
    string StatusName, DateOnly? JoinedOn, long PartyOrgId, string? OrgName, bool Mobile, bool ReportedToCommunity, string? Duty, long GridCode,
    string? GridName, int Version);

public sealed record SavePartyMember(long PersonId, long PartyOrgId, PartyMemberStatus Status, DateOnly? JoinedOn = null, bool Mobile = false,
    bool ReportedToCommunity = false, string? Duty = null, int? Version = null);

// `Reason`: why the membership ends here (组织关系转出, 去世, 出党 …), kept on the record for history.
public sealed record RemovePartyMember(string? Reason = null, int? Version = null);
