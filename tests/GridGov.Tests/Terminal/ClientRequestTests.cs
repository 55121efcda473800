using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Registry;
using GridGov.Features.Registry.People;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Web;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using GridGov.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Terminal;

// The phone's outbox resends a submission until it hears back; the server writes each client id once.
// And a report can join the open ticket it duplicates, offered before it is sent.
[Collection(NanjingCollection.Name)]
public sealed class ClientRequestTests(GridGovApp app)
{
    readonly RegistryKit kit = new(app);
    readonly TicketKit tickets = new(app);

    async Task<(long Id, int Version)> PendingPersonAsync()
    {
        await using var db = app.UnscopedDb();
        var grid = await db.Set<Features.Identity.AppUser>().Where(u => u.UserName == "grid").Select(u => u.OrgUnitCode).SingleAsync();
        var people = db.Set<Person>().Where(p => p.GridCode == grid && p.State != VerificationState.Removed).OrderBy(p => p.Id);
        var person = await people.Skip(Random.Shared.Next(0, await people.CountAsync())).FirstAsync();
        person.State = VerificationState.Pending;
        await db.SaveChangesAsync();
        return (person.Id, person.Version);
    }

    static HttpRequestMessage Verify(long id, int version, string key) => new(HttpMethod.Post, $"/api/v1/registry/people/{id}/verification")
    {
        Content = JsonContent.Create(new { state = "Verified", version }),
        Headers = { { ClientSubmission.Header, key } },
    };

    [Fact]
    public async Task A_resent_submission_is_written_once_and_answered_as_repeated()
    {
        var (id, version) = await PendingPersonAsync();
        var grid = await kit.As("grid");
        var key = Guid.NewGuid().ToString();
        var first = await grid.SendAsync(Verify(id, version, key));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The answer was lost on the way: the outbox sends the same thing again, with the old version.
        var again = await grid.SendAsync(Verify(id, version, key));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        await using var db = app.UnscopedDb();
        Assert.Equal(version + 1, (await db.Set<Person>().SingleAsync(p => p.Id == id)).Version);
        Assert.Equal(1, await db.Set<ClientRequest>().CountAsync(c => c.Key == key));
        // Without the client id the stale version is a conflict, as before.
        Assert.Equal(HttpStatusCode.Conflict, (await grid.PostAsJsonAsync($"/api/v1/registry/people/{id}/verification", new { state = "Verified", version })).StatusCode);
    }

    [Fact]
    public async Task The_same_submission_twice_at_once_is_written_once()
    {
        var (id, version) = await PendingPersonAsync();
        var grid = await kit.As("grid");
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => grid.SendAsync(Verify(id, version, key))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        await using var db = app.UnscopedDb();
        Assert.Equal(version + 1, (await db.Set<Person>().SingleAsync(p => p.Id == id)).Version);
        Assert.Equal(1, await db.Set<ClientRequest>().CountAsync(c => c.Key == key));
    }

    [Fact]
    public async Task A_refused_submission_leaves_no_client_id_and_a_bad_id_is_refused_in_chinese()
    {
        var grid = await kit.As("grid");
        var key = Guid.NewGuid().ToString();
        var refused = await grid.SendAsync(Verify(long.MaxValue, 1, key));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await using (var db = app.UnscopedDb()) Assert.Equal(0, await db.Set<ClientRequest>().CountAsync(c => c.Key == key));

        var bad = await grid.SendAsync(Verify(1, 1, new string('x', 65)));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("请求编号", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Open_tickets_like_a_draft_are_offered_and_a_report_can_join_one_as_its_duplicate()
    {
        // A problem no other test reports, so that only this pair competes.
        var primary = await tickets.ReportAsync(description: "梅园新村菜场门口共享单车乱停放，把人行道堵死了", category: "E0506");
        var (lon, lat) = await tickets.PointAsync();
        var grid = await kit.As("grid");
        var offers = await grid.PostAsJsonAsync("/api/v1/tickets/similar", new { categoryCode = "E0506", description = "菜场门口的自行车停得乱七八糟，行人走不过去", lon, lat });
        var candidates = (await offers.Content.ReadFromJsonAsync<List<DuplicateCandidate>>(TicketKit.Json))!;
        Assert.Contains(candidates, c => c.Id == primary.Id);

        var joined = await tickets.PostReportAsync("grid", new { categoryCode = "E0506", description = "菜场门口的自行车停得乱七八糟，行人走不过去", lon, lat, duplicateOf = primary.Id });
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var ticket = (await joined.Content.ReadFromJsonAsync<CreateTicketResult>(TicketKit.Json))!.Ticket;
        Assert.Equal(TicketState.Duplicate, ticket.State);
        Assert.Equal(primary.Id, ticket.PrimaryId);
        Assert.Contains(ticket.Timeline, e => e.Action == TicketAction.LinkDuplicate);

        // Only an open ticket the reporter can see: one of another street is "not there".
        await using var db = app.UnscopedDb();
        var elsewhere = await db.Set<Ticket>().Where(t => t.CentreCode != TicketKit.Street).Select(t => (long?)t.Id).FirstOrDefaultAsync();
        var refused = await tickets.PostReportAsync("grid", new { categoryCode = "C0101", description = "同一个问题", lon, lat, duplicateOf = elsewhere ?? long.MaxValue });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("主工单", await refused.Content.ReadAsStringAsync());
    }
}
