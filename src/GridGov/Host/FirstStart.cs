using GridGov.Features.Analytics.Rollups;
using GridGov.Features.Analytics.Warnings;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Demo;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Demo;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Host;

// Brings a data folder up to date on every start; on the first start each area seeds what it owns,
// in the order they depend on each other: roles, the demo city and its departments, the ticket
// dictionaries and the default warning rules, the demo accounts, then a history of tickets made by
// those accounts. The rollups follow every write; a database from before them gets them computed once.
sealed class FirstStart(GridDatabase database, SeedDemoCity city, SeedAccounts accounts, SeedTicketData tickets, DemoTickets demoTickets,
    SeedDemoRegistry registry, SeedWarningRules warningRules, FillNewTallies tallies)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await using (var db = database.CreateUnscoped(AuditActor.System))
            await db.Database.MigrateAsync(ct);
        await accounts.RolesAsync();
        var imported = await city.RunAsync(ct);
        await tickets.RunAsync(ct);
        await warningRules.RunAsync(ct);
        await accounts.DemoAccountsAsync(ct);
        await tallies.RunAsync(ct);
        if (!imported) return;
        await registry.RunAsync(ct);
        var people = await accounts.FindAsync(DemoTickets.AccountNames, ct);
        await demoTickets.RunAsync(people.ToDictionary(p => p.Key, p => new DemoAccount(p.Value.Id, p.Value.Name, p.Value.DepartmentId)), ct);
    }
}
