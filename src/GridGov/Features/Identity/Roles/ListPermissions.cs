using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Identity.Roles;

// Every permission a role can hold, with its Chinese name, in the order they are defined.
public sealed class ListPermissions
{
    public Task<Result<List<PermissionDto>>> HandleAsync() =>
        Task.FromResult(Result<List<PermissionDto>>.Ok(Permissions.All.Select(p => new PermissionDto(p.Key, p.Value)).ToList()));
}
