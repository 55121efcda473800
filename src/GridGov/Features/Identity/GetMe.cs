using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Identity;

public sealed record MeDto(long? UserId, string? UserName, string? DisplayName, long UnitCode, string Scope, List<string> Permissions);

// Who the caller is, as their sign-in says: unit, scope and permissions (no database round trip).
public sealed class GetMe(CurrentUser user)
{
    public Task<Result<MeDto>> HandleAsync() => Task.FromResult(Result<MeDto>.Ok(new(
        user.UserId,
        user.UserName,
        user.Principal.FindFirst(CurrentUser.DisplayNameClaim)?.Value,
        user.UnitCode,
        user.Scope.Kind.ToString(),
        user.Principal.FindAll(Permissions.ClaimType).Select(c => c.Value).Distinct().Order().ToList())));
}
