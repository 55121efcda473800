namespace GridGov.Features.Registry.Units;

public sealed record UnitQuery(string? Keyword = null, UnitKind? Kind = null, long? Unit = null, VerificationState? State = null,
    int Page = 1, int PageSize = 20);

// A unit as lists show it: the legal representative's numbers masked.
public sealed record UnitRow(long Id, string Name, UnitKind Kind, string KindName, string? CreditCode, string? Address, long GridCode,
    string? GridName, string? LegalRepName, string? LegalRepIdMasked, string? Attention, string? AttentionName, bool HasPartyOrg,
    VerificationState State, string StateName);

// A unit's page: every field with its code names, numbers masked, the standard's other fields, the
// party organisations registered at the unit, source and verification.
public sealed record UnitDetail(long Id, UnitKind Kind, string KindName, string Name, string? CreditCode, string? Category, string? CategoryName,
    long? AddressId, string? Address, long GridCode, string? GridName, string? Phone, int? Employees,
    string? LegalRepName, string? LegalRepIdType, string? LegalRepIdMasked, string? LegalRepPhoneMasked, string? SecurityName, string? SecurityPhoneMasked,
    bool Hazardous, string? HazardType, string? HazardTypeName, string? Attention, string? AttentionName, bool HasPartyOrg, int? PartyMembers,
    List<string> PartyOrgs, Dictionary<string, string> Fields,
    RecordSource Source, string SourceName, string? SourceSystem, VerificationState State, string StateName, string? StateByName, DateTime? StateAt,
    DateTime CreatedAt, DateTime UpdatedAt, int Version);

// What a form or another system sends to register or change a unit. Personal numbers left empty on a
// change keep what is registered (the page never has them in clear). `Fields`: the standard's other
// fields of the kind, by their names in GB/T 31000 (null keeps them). `Version`: required to change.
public sealed record SaveUnitRequest(UnitKind? Kind, string? Name, string? CreditCode = null, string? Category = null, long? AddressId = null,
    string? Address = null, string? Community = null, long? GridCode = null, string? Phone = null, int? Employees = null,
    string? LegalRepName = null, string? LegalRepIdType = null, string? LegalRepIdNumber = null, string? LegalRepPhone = null,
    string? SecurityName = null, string? SecurityPhone = null, bool Hazardous = false, string? HazardType = null, string? Attention = null,
    bool HasPartyOrg = false, int? PartyMembers = null, Dictionary<string, string>? Fields = null, int? Version = null);

public sealed record UnitSaved(long Id, int Version);

// The unmasked numbers of one unit's people, answered only to the permission and audited.
public sealed record UnitSecrets(long Id, string? LegalRepIdNumber, string? LegalRepPhone, string? SecurityPhone);
