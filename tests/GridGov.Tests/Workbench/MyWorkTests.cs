using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Workbench;
using GridGov.Tests.Tickets;
using static GridGov.Features.Tickets.TicketQueue;

namespace GridGov.Tests.Workbench;

// The workbench's work through its API: each account's queues only, counted as the queues count
// them, late tickets counted late and listed under their own queue, leaders' figures for leaders only.
public sealed class MyWorkTests(ClockedNanjingApp app) : IClassFixture<ClockedNanjingApp>
{
    async Task<MyWork> WorkAsync(TicketKit kit, string user) =>
        (await (await kit.As(user)).GetFromJsonAsync<MyWork>("/api/v1/workbench", TicketKit.Json))!;

    [Fact]
    public async Task A_late_ticket_is_counted_late_in_its_queue_and_marked_in_the_urgent_list_by_deadline()
    {
        app.SetChinaTime(new DateTime(2026, 11, 30, 10, 0, 0));
        var kit = new TicketKit(app);
        // C0101 上水井盖: one working hour to accept, so due at 11:00.
        var late = await kit.ReportAsync(user: "street", description: "工作台：北京东路上水井盖缺失（超期）");
        app.SetChinaTime(new DateTime(2026, 11, 30, 10, 30, 0));
        var fresh = await kit.ReportAsync(user: "street", description: "工作台：北京东路上水井盖缺失（未超期）");
        app.SetChinaTime(new DateTime(2026, 11, 30, 11, 1, 0));

        var work = await WorkAsync(kit, "street");
        Assert.Equal([Reported, Accepted, Returned, Verified, Overdue, Supervised], work.Tiles.Select(t => t.Queue));
        var counts = (await (await kit.As("street")).GetFromJsonAsync<List<QueueCount>>("/api/v1/tickets/counts", TicketKit.Json))!;
        Assert.Equal(counts.Where(c => work.Tiles.Any(t => t.Queue == c.Queue)), work.Tiles);
        var reported = work.Tiles.Single(t => t.Queue == Reported);
        Assert.True(reported.Overdue >= 1 && reported.Overdue <= reported.Count);
        Assert.Equal(counts.Where(c => c.Queue is Reported or Accepted or Dispatched or Returned or Handled or Verified or Shelved).Sum(c => c.Overdue),
            counts.Single(c => c.Queue == Overdue).Count);

        var row = work.Urgent.Single(u => u.Ticket.Id == late.Id);
        Assert.True(row.Ticket.Overdue);
        Assert.Equal(Reported, row.Queue); // under its own queue, not under 超期
        Assert.False(work.Urgent.Single(u => u.Ticket.Id == fresh.Id).Ticket.Overdue);
        Assert.Equal(work.Urgent.Select(u => u.Ticket.DueAt).Order(), work.Urgent.Select(u => u.Ticket.DueAt));
        Assert.True(work.Urgent.Count <= GetMyWork.UrgentRows);
    }

    [Fact]
    public async Task Each_account_has_its_own_queues_and_only_leaders_the_area()
    {
        app.SetChinaTime(new DateTime(2026, 12, 1, 9, 0, 0));
        var kit = new TicketKit(app);
        var dispatched = await kit.InStateAsync(TicketState.Dispatched);
        var handled = await kit.InStateAsync(TicketState.Handled);

        var handler = await WorkAsync(kit, "handler");
        Assert.Equal([Department, Overdue, Supervised], handler.Tiles.Select(t => t.Queue));
        Assert.Contains(handler.Urgent, u => u.Ticket.Id == dispatched.Id && u.Queue == Department);
        var grid = await WorkAsync(kit, "grid");
        Assert.Equal([Handled], grid.Tiles.Select(t => t.Queue));
        Assert.Contains(grid.Urgent, u => u.Ticket.Id == handled.Id);
        Assert.DoesNotContain(grid.Urgent, u => u.Ticket.Id == dispatched.Id);
        var auditor = await WorkAsync(kit, "auditor");
        Assert.Empty(auditor.Tiles);
        Assert.Empty(auditor.Urgent);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("handler")).GetAsync("/api/v1/workbench/area")).StatusCode);
        var community = await (await kit.As("community")).GetFromJsonAsync<JsonElement>("/api/v1/workbench/area", TicketKit.Json);
        Assert.Equal(12, community.GetProperty("unit").GetProperty("code").GetInt64().ToString().Length);
        var street = await (await kit.As("street")).GetFromJsonAsync<JsonElement>("/api/v1/workbench/area", TicketKit.Json);
        Assert.True(street.GetProperty("today").GetProperty("new").GetInt64() >= 2);
    }
}
