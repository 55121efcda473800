using GridGov.Infrastructure.Security;

namespace GridGov.Infrastructure.UseCases;

// How pages run a use case: `await Cases.RunAsync<AcceptTicket, Result<…>>(u => u.HandleAsync(…))`.
// A Blazor circuit lives as long as the tab; services scoped to it (a DbContext, Identity's stores)
// would keep stale tracked rows and could be used by two overlapping clicks. So each call gets its
// own scope, carrying the circuit's user, and the same class the API uses does the work. Reads that
// are no use case of their own take the scoped GridDbContext the same way.
public sealed class UseCases(IServiceScopeFactory scopes, CurrentUser user)
{
    public async Task<TResult> RunAsync<TCase, TResult>(Func<TCase, Task<TResult>> run) where TCase : notnull
    {
        await using var scope = Begin();
        return await run(scope.ServiceProvider.GetRequiredService<TCase>());
    }

    public async Task RunAsync<TCase>(Func<TCase, Task> run) where TCase : notnull
    {
        await using var scope = Begin();
        await run(scope.ServiceProvider.GetRequiredService<TCase>());
    }

    AsyncServiceScope Begin()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCircuitUser(user.Principal, user.Ip);
        return scope;
    }
}
