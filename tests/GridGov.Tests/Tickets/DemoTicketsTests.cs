using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Demo;
using GridGov.Features.Tickets.Intake;
using GridGov.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// The demo city with a history of 500 tickets, as the first start makes it.
public sealed class DemoTicketsApp : GridGovApp
{
    public const int Count = 500;

    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("GridGov:DemoTickets", Count.ToString());
    }
}

public sealed class DemoTicketsTests(DemoTicketsApp app) : IClassFixture<DemoTicketsApp>
{
    const long District = 320102;

    async Task<List<Ticket>> TicketsAsync()
    {
        await using var db = app.UnscopedDb();
        var tickets = await db.Tickets.AsNoTracking().Include(t => t.Events).Include(t => t.Assignments).OrderBy(t => t.Id).ToListAsync();
        foreach (var t in tickets) t.Events.Sort((a, b) => a.Id.CompareTo(b.Id));
        return tickets;
    }

    [Fact]
    public async Task First_start_writes_the_configured_number_of_tickets_in_the_demo_district_audited_as_one_record()
    {
        var tickets = await TicketsAsync();
        Assert.Equal(DemoTicketsApp.Count, tickets.Count);
        var (from, to) = OrgCode.Subtree(District);
        Assert.All(tickets, t => Assert.InRange(t.GridCode, from, to));
        // The demo accounts' street and grid get more than their share.
        Assert.True(tickets.Count(t => t.GridCode / 1_000_000 == TicketKit.Street) > DemoTicketsApp.Count / 5);
        Assert.True(tickets.Count(t => t.GridCode == TicketKit.Grid) > DemoTicketsApp.Count / 25);
        await using var db = app.UnscopedDb();
        Assert.InRange(await db.DispatchRules.CountAsync(), 3, 5);
        var audit = await db.AuditRecords.Where(a => a.EntityType == nameof(Ticket)).ToListAsync();
        Assert.Equal("demo-tickets", Assert.Single(audit).EntityKey);
    }

    [Fact]
    public async Task Every_ticket_lies_inside_its_grid_as_intake_would_locate_it()
    {
        var locator = await app.Services.GetRequiredService<Places>().LocatorAsync();
        Assert.All(await TicketsAsync(), t => Assert.Equal(t.GridCode, locator.Locate(t.Lon!.Value, t.Lat!.Value)));
    }

    [Fact]
    public async Task Every_history_is_a_path_through_the_transition_table_in_time_order()
    {
        await using var db = app.UnscopedDb();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id);
        foreach (var t in await TicketsAsync())
        {
            var events = t.Events;
            Assert.Equal((Report, TicketState.Reported, TicketState.Reported), (events[0].Action, events[0].From, events[0].To));
            Assert.Equal(t.ReportedAt, events[0].At);
            foreach (var (before, e) in events.Zip(events.Skip(1)))
            {
                Assert.True(e.At >= before.At, $"ticket {t.Id}: {e.Action} at {e.At:O} before {before.Action} at {before.At:O}");
                Assert.Equal(before.To, e.From);
                Assert.True(TicketFlow.Find(e.From, e.Action) is { } row && row.To == e.To, $"ticket {t.Id}: {e.From} --{e.Action}--> {e.To} is not in the table");
            }
            Assert.Equal(t.State, events[^1].To);
            Assert.Equal(events[^1].At, t.UpdatedAt);
            // Every change bumps the version, except the dispatch a rule makes as part of the acceptance.
            Assert.Equal(events.Count(e => e.Action != Report && !(e.Action == Dispatch && e.ActorName == "系统")), t.Version);
            Assert.Equal(events.LastOrDefault(e => e.Action is Supervise or AutoSupervise) is null, t.Supervision == Supervision.None);
            Assert.Equal(t.IsOpen, t.DueAt is not null);
            Assert.Equal(t.State == TicketState.Closed, t.ClosedAt is not null);
            if (t.State == TicketState.Closed) Assert.False(string.IsNullOrEmpty(t.Result));

            var dispatches = events.Where(e => e.Action == Dispatch).ToList();
            if (dispatches.Count > 0 && t.State != TicketState.Returned)
            {
                Assert.Equal(dispatches[^1].DepartmentId, t.LeadDepartmentId);
                Assert.Equal(t.LeadDepartmentId, Assert.Single(t.Assignments, a => a.Lead && a.Active).DepartmentId);
                Assert.NotNull(t.HandleDueAt);
                // A department of the ticket's street or district.
                Assert.Contains(departments[t.LeadDepartmentId!.Value].OrgUnitCode, new[] { t.GridCode / 1_000_000, t.GridCode / 1_000_000_000 });
            }
            else Assert.Null(t.LeadDepartmentId);
            Assert.Equal(dispatches.Count, t.Assignments.Count(a => a.Lead));
            Assert.Equal(events.Count(e => e.Action == Return), t.ReturnCount);
            Assert.Equal(events.Count(e => e.Action == VerifyFail), t.ReworkCount);
            Assert.Equal(events.Count(e => e.Action == ApproveExtension), t.ExtensionCount);
            Assert.Equal(t.State == TicketState.Duplicate || events.Any(e => e.Action == LinkDuplicate), t.PrimaryId is not null);
            // Nobody checks their own work (ADR 0008): no account verifies or closes what it handled, or closes what it reported.
            var handlers = events.Where(e => e.Action is ReportBack or SelfHandle && e.ActorId is not null).Select(e => e.ActorId).ToHashSet();
            Assert.DoesNotContain(events, e => e.Action is VerifyPass or VerifyFail or Close && handlers.Contains(e.ActorId));
            Assert.DoesNotContain(events, e => e.Action == Close && e.ActorId is not null && e.ActorId == t.ReporterId);
        }
    }

    [Fact]
    public async Task Duplicates_point_at_an_earlier_ticket_and_close_with_it()
    {
        var tickets = (await TicketsAsync()).ToDictionary(t => t.Id);
        var duplicates = tickets.Values.Where(t => t.PrimaryId is not null).ToList();
        Assert.NotEmpty(duplicates);
        foreach (var d in duplicates)
        {
            var primary = tickets[d.PrimaryId!.Value];
            Assert.True(primary.ReportedAt < d.ReportedAt && primary.Id < d.Id);
            Assert.Equal((d.CategoryId, d.GridCode, d.Address), (primary.CategoryId, primary.GridCode, primary.Address));
            var number = Ticket.NumberOf(primary.Id, primary.ReportedAt);
            Assert.Contains(number, d.Events.Single(e => e.Action == LinkDuplicate).Note);
            if (d.Events.SingleOrDefault(e => e.Action == CloseWithPrimary) is { } closed)
            {
                Assert.Equal(primary.ClosedAt, closed.At);
                Assert.Equal(primary.Result, d.Result);
                Assert.Contains(number, closed.Note);
            }
            else Assert.Equal(TicketState.Duplicate, d.State);
        }
    }

    [Fact]
    public async Task Every_state_appears_with_some_overdue_and_supervised_and_a_plausible_mix()
    {
        var tickets = await TicketsAsync();
        Assert.All(Enum.GetValues<TicketState>(), s => Assert.Contains(tickets, t => t.State == s));
        var now = DateTime.UtcNow;
        Assert.Contains(tickets, t => t.IsOpen && t.DueAt < now);
        Assert.Contains(tickets, t => t.IsOpen && t.Supervision != Supervision.None);
        // As the overdue watcher would have it: what was overdue when the history was made is supervised.
        await using (var db = app.UnscopedDb())
        {
            var made = await db.AuditRecords.Where(a => a.EntityKey == "demo-tickets").Select(a => a.At).SingleAsync();
            Assert.All(tickets.Where(t => t.IsOpen && t.DueAt < made.AddMinutes(-2)), t => Assert.NotEqual(Supervision.None, t.Supervision));
        }
        Assert.True(tickets.Count(t => t.State == TicketState.Closed) > tickets.Count * 0.7);
        // Old tickets are finished (closed, rejected, closed with their primary, shelved) but for a few long disputes.
        Assert.True(tickets.Count(t => t.IsOpen && t.ReportedAt < now.AddDays(-30)) < tickets.Count / 50);
        Assert.True(tickets.Select(t => t.CategoryId).Distinct().Count() > 50);
        Assert.True(tickets.Select(t => t.Source).Distinct().Count() == Enum.GetValues<TicketSource>().Length);
        Assert.True(tickets.Count(t => t.Source == TicketSource.Patrol) > tickets.Count / 3);
    }

    [Fact]
    public async Task Descriptions_and_notes_name_real_places_and_leave_no_placeholders()
    {
        foreach (var t in await TicketsAsync())
        {
            Assert.DoesNotContain("{", t.Description);
            Assert.False(string.IsNullOrWhiteSpace(t.Address));
            Assert.All(t.Events, e => Assert.DoesNotContain("{", e.Note ?? ""));
            Assert.All(t.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.ActorName)));
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_history_and_another_seed_another()
    {
        await using var db = app.UnscopedDb();
        await using var scope = app.Services.CreateAsyncScope();
        var people = await scope.ServiceProvider.GetRequiredService<GridGov.Features.Identity.SeedAccounts>().FindAsync(DemoTickets.AccountNames, default);
        Assert.NotEmpty(people);
        var accounts = people.ToDictionary(p => p.Key, p => new DemoAccount(p.Value.Id, p.Value.Name, p.Value.DepartmentId));
        var world = await DemoTickets.LoadWorldAsync(db, (await DemoTickets.AreaAsync(db, default))!, accounts, default);
        var clock = app.Services.GetRequiredService<TicketClock>();
        var now = DateTime.UtcNow;
        string Generate(int seed) => JsonSerializer.Serialize(new TicketGenerator(world, clock, seed).Generate(300, now).Tickets.Select(t => new
        {
            t.CategoryId, t.Description, t.Address, t.Lon, t.Lat, t.GridCode, t.Source, t.ReporterName, t.State, t.ReportedAt, t.DueAt, t.Version,
            t.LeadDepartmentId, t.Result, Events = t.Events.Select(e => new { e.At, e.ActorName, e.Action, e.To, e.Note, e.DepartmentId }),
        }));
        Assert.Equal(Generate(DemoTickets.Seed), Generate(DemoTickets.Seed));
        Assert.NotEqual(Generate(DemoTickets.Seed), Generate(DemoTickets.Seed + 1));
    }

    [Fact]
    public async Task The_demo_accounts_see_their_tickets_through_the_api()
    {
        var tickets = await TicketsAsync();
        var street = await app.ClientForAsync("street");
        var page = await street.GetFromJsonAsync<TicketList>("/api/v1/tickets?pageSize=100", TicketKit.Json);
        Assert.Equal(tickets.Count(t => t.GridCode / 1_000_000 == TicketKit.Street), page!.Total);
        Assert.All(page.Items, i => Assert.Equal(TicketKit.Street, i.GridCode / 1_000_000));
        Assert.Contains(page.Items, i => i.LeadDepartment is not null);
        var counts = await street.GetFromJsonAsync<List<QueueCount>>("/api/v1/tickets/counts", TicketKit.Json);
        Assert.True(counts!.Where(c => c.Queue is TicketQueue.Dispatched or TicketQueue.Handled).Sum(c => c.Count) > 0);

        var closed = tickets.Last(t => t.GridCode / 1_000_000 == TicketKit.Street && t.State == TicketState.Closed);
        var detail = await street.GetFromJsonAsync<TicketDetail>($"/api/v1/tickets/{closed.Id}", TicketKit.Json);
        Assert.Equal(closed.Events.Select(e => e.Action), detail!.Timeline.Select(e => e.Action));
        var elsewhere = tickets.First(t => t.GridCode / 1_000_000 != TicketKit.Street);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/v1/tickets/{elsewhere.Id}")).StatusCode);

        var grid = await app.ClientForAsync("grid");
        var mine = await grid.GetFromJsonAsync<TicketList>("/api/v1/tickets?queue=Mine&pageSize=100", TicketKit.Json);
        Assert.True(mine!.Total > 0);
        Assert.Contains(mine.Items, i => i.GridCode == TicketKit.Grid);
        // The street's 城管中队 sees what is with it now (not what it returned or was taken from it).
        var department = await new TicketKit(app).HandlerDepartmentAsync();
        var handler = await app.ClientForAsync("handler");
        var work = await handler.GetFromJsonAsync<TicketList>("/api/v1/tickets?pageSize=100", TicketKit.Json);
        Assert.Equal(tickets.Count(t => t.Assignments.Any(a => a.DepartmentId == department && a.Active)), work!.Total);
        Assert.True(work.Total > 0);
    }
}
