using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Registry;
using GridGov.Features.Registry.People;
using GridGov.Features.Terminal.Home;
using GridGov.Features.Tickets;
using GridGov.Infrastructure.Places;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Terminal;

// 网格工作清单 through the API: who sees whose list, and that the counts are the data's.
[Collection(NanjingCollection.Name)]
public sealed class WorkListTests(GridGovApp app)
{
    const string Password = "Worklist-test-9k";
    const long Street = 320102002, OtherCommunity = 320102002002;
    readonly RegistryKit kit = new(app);

    async Task<long> GridOfAsync(long community, int nth)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(community);
        return await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid)
            .OrderBy(u => u.Code).Select(u => u.Code).Skip(nth).FirstAsync();
    }

    async Task<(string Name, long Id)> UserAsync(long unit, string role)
    {
        var admin = await kit.As("admin");
        var name = "wl_" + Guid.NewGuid().ToString("N")[..8];
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "清单" + name[3..7], orgUnitCode = unit, dataScope = "UnitAndBelow", roles = new[] { role }, password = Password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (name, (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("user").GetProperty("id").GetInt64());
    }

    async Task<long> IdOfAsync(string user)
    {
        await using var db = app.UnscopedDb();
        return await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_grid_worker_sees_their_own_list_and_gets_404_for_another_workers()
    {
        var neighbour = await UserAsync(await GridOfAsync(RegistryKit.Community, 1), "grid_worker");
        var grid = await kit.As("grid");
        var own = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!;
        Assert.Equal(await IdOfAsync("grid"), own.Worker.Id);
        Assert.True(own.Own);
        Assert.Equal(HttpStatusCode.NotFound, (await grid.GetAsync($"/api/v1/terminal/worklist?worker={neighbour.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grid.GetAsync("/api/v1/terminal/team")).StatusCode);
    }

    [Fact]
    public async Task A_community_director_sees_every_list_of_the_community_and_none_of_another()
    {
        var second = await UserAsync(await GridOfAsync(RegistryKit.Community, 1), "grid_worker");
        var elsewhere = await UserAsync(await GridOfAsync(OtherCommunity, 0), "grid_worker");
        var director = await kit.As("community");

        var team = (await director.GetFromJsonAsync<Team>($"/api/v1/terminal/team?unit={RegistryKit.Community}", RegistryKit.Json))!;
        var ids = team.Members.Select(m => m.Id).ToList();
        Assert.Contains(await IdOfAsync("grid"), ids);
        Assert.Contains(second.Id, ids);
        Assert.DoesNotContain(elsewhere.Id, ids);

        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/v1/terminal/worklist?worker={second.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/terminal/worklist?worker={elsewhere.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/terminal/team?unit={OtherCommunity}")).StatusCode);

        // A secretary and a deputy of the community see the same; a street leader sees both communities.
        foreach (var role in new[] { "community_secretary", "community_deputy" })
        {
            var lead = await UserAsync(RegistryKit.Community, role);
            var client = await app.ClientForAsync(lead.Name, Password);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/terminal/worklist?worker={second.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/terminal/worklist?worker={elsewhere.Id}")).StatusCode);
        }
        var leader = await UserAsync(Street, "street_leader");
        var street = await app.ClientForAsync(leader.Name, Password);
        var units = (await street.GetFromJsonAsync<Team>($"/api/v1/terminal/team?unit={Street}", RegistryKit.Json))!.Units;
        Assert.Contains(units, u => u.Code == RegistryKit.Community && u.Workers >= 2);
        Assert.Contains(units, u => u.Code == OtherCommunity && u.Workers >= 1);
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync($"/api/v1/terminal/worklist?worker={elsewhere.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_list_counts_what_waits_in_the_workers_grid()
    {
        var grid = await kit.As("grid");
        var list = (await grid.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!;
        var (from, to) = list.Worker.Range;
        var me = list.Worker.Id;
        await using var db = app.UnscopedDb();
        var checks = await db.Set<Ticket>().CountAsync(t => t.State == TicketState.Handled && t.GridCode >= from && t.GridCode <= to && !(t.SelfHandled && t.ReporterId == me));
        Assert.Equal(checks, list.Items.Single(i => i.Kind == "checks").Pending);
        var people = await db.Set<Person>().CountAsync(p => p.State == VerificationState.Pending && p.GridCode >= from && p.GridCode <= to);
        Assert.True(list.Items.Single(i => i.Kind == "verify").Pending >= people);
        Assert.Equal(list.Items.Sum(i => i.Pending), list.Pending);
    }
}
