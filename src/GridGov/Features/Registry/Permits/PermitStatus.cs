namespace GridGov.Features.Registry.Permits;

// Where a permit stands on a given China date: in force (有效, of which those within WarnDays of their
// date are 即将到期), past its date (已过期) or cancelled (已注销). A filter on 有效 selects every permit in
// force, the ones about to expire included.
public enum PermitStatus { Valid, Expiring, Expired, Cancelled }

public static class PermitNames
{
    public static string Status(PermitStatus s) => s switch
    {
        PermitStatus.Valid => "有效", PermitStatus.Expiring => "即将到期", PermitStatus.Expired => "已过期", _ => "已注销",
    };

    // The permit is valid through its ExpiresOn day; cancelled from its CancelledOn day.
    public static PermitStatus StatusOf(DateOnly expiresOn, DateOnly? cancelledOn, DateOnly today) =>
        cancelledOn is { } c && c <= today ? PermitStatus.Cancelled
        : expiresOn < today ? PermitStatus.Expired
        : expiresOn <= today.AddDays(ResidencePermit.WarnDays) ? PermitStatus.Expiring
        : PermitStatus.Valid;
}

public sealed record PermitQuery(long? Unit = null, PermitStatus? Status = null, string? Keyword = null, int Page = 1, int PageSize = 20);

// A permit as lists show it, with its holder's masked numbers.
public sealed record PermitRow(long Id, long PersonId, string Name, string IdMasked, string? PhoneMasked, string? Address, string Kind, string? KindName,
    DateOnly IssuedOn, DateOnly ExpiresOn, string? IssuedBy, DateOnly? CancelledOn, PermitStatus Status, string StatusName, int DaysLeft,
    long GridCode, string? GridName, int Version, VerificationState State, string StateName);

// The area's expiry warnings: permits in force, those about to expire, those expired and not renewed.
public sealed record PermitCounts(int Valid, int ExpiringSoon, int Expired);

public sealed record PermitRequest(long PersonId, DateOnly IssuedOn, DateOnly ExpiresOn, string? Kind = null, string? IssuedBy = null);

public sealed record RenewPermitRequest(DateOnly IssuedOn, DateOnly ExpiresOn, string? IssuedBy = null, int? Version = null);

// Why the permit ends early (持证人已迁出, 证件信息有误 …): kept in the audit trail with the date.
public sealed record CancelPermitRequest(DateOnly? CancelledOn = null, int? Version = null, string? Reason = null);
