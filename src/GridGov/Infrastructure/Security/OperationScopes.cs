namespace GridGov.Infrastructure.Security;

// A Blazor circuit lives as long as the tab; services scoped to it (a DbContext, Identity's stores)
// would keep stale tracked rows and could be used by two overlapping clicks. Each user action gets
// its own scope instead, carrying the circuit's user.
public sealed class OperationScopes(IServiceScopeFactory scopes, CurrentUser user)
{
    public AsyncServiceScope Begin()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(user.Principal, user.Ip);
        return scope;
    }
}
