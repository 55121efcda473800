namespace GridGov.Features.Identity.Roles;

public sealed record RoleDto(long Id, string Name, string DisplayName, string Description, bool BuiltIn, List<string> Permissions, int Users);
public sealed record SaveRoleRequest(string? Name, string? DisplayName, string? Description, List<string>? Permissions);
public sealed record PermissionDto(string Name, string DisplayName);
