using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// Bearer tokens carry their claims until they expire; every API call checks that the account is still
// enabled and its security stamp is the one the token was issued with (disabled, password reset, roles
// or scope changed): otherwise 401. The account's state is cached for a minute and dropped at once
// when this node changes the account. (Cookies get the same from Identity's stamp validator.)
public sealed class AccountStates(IMemoryCache cache)
{
    public sealed record State(bool Exists, bool Disabled, string? Stamp);

    static (string, long) Key(long id) => ("account-state", id);

    public async Task<State> GetAsync(UserManager<AppUser> users, long id)
    {
        if (cache.TryGetValue(Key(id), out State? state)) return state!;
        var user = await users.FindByIdAsync(id.ToString());
        state = user is null ? new State(false, true, null) : new State(true, user.Disabled, await users.GetSecurityStampAsync(user));
        cache.Set(Key(id), state, TimeSpan.FromMinutes(1));
        return state;
    }

    public void Forget(long id) => cache.Remove(Key(id));
}

sealed class BearerSessionFilter(AccountStates states, UserManager<AppUser> users, IOptions<IdentityOptions> identity) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var principal = context.HttpContext.User;
        if (principal.Identity?.IsAuthenticated == true && long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var state = await states.GetAsync(users, id);
            var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            if (!state.Exists || state.Disabled || (users.SupportsUserSecurityStamp && stamp != state.Stamp))
                return TypedResults.Problem("登录已失效（账号被停用、密码被重置或权限已变更），请重新登录",
                    statusCode: StatusCodes.Status401Unauthorized, title: "登录已失效");
        }
        return await next(context);
    }
}
