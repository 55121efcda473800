using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity.Users;

public sealed record UserDto(long Id, string UserName, string DisplayName, string? PhoneNumber, long OrgUnitCode,
    string? OrgUnitName, long? DepartmentId, string? DepartmentName, DataScopeKind DataScope, string? CustomScopeUnits, bool Disabled, DateTimeOffset? LockoutEnd,
    DateTime CreatedAt, DateTime? LastLoginAt, List<string> Roles)
{
    public bool LockedOut => LockoutEnd > DateTimeOffset.UtcNow;
}


public sealed record SaveUserRequest(string? UserName, string? DisplayName, string? PhoneNumber, long OrgUnitCode,
    DataScopeKind? DataScope, List<long>? CustomScopeUnits, List<string>? Roles, string? Password, long? DepartmentId = null);
