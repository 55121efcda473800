using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Identity.Roles;

// All roles with their permissions. Roles are not place-bound: the list is city-wide.
public sealed class ListRoles(RoleManager<AppRole> roles)
{
    // Permissions are listed in the order they are defined: by area, not alphabetically.
    static readonly Dictionary<string, int> Order = Permissions.All.Keys.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);

    public async Task<Result<List<RoleDto>>> HandleAsync(CancellationToken ct = default)
    {
        var all = await roles.Roles.OrderBy(r => r.Id).ToListAsync(ct);
        var result = new List<RoleDto>();
        foreach (var r in all)
        {
            var perms = (await roles.GetClaimsAsync(r)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value)
                .OrderBy(p => Order.GetValueOrDefault(p, int.MaxValue)).ToList();
            result.Add(new RoleDto(r.Id, r.Name!, r.DisplayName, r.Description, r.BuiltIn, perms, 0));
        }
        return Result<List<RoleDto>>.Ok(result);
    }
}
