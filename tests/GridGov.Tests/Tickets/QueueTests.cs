using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// The command centre's queues and the department's: counts and lists follow the tickets through the
// flow; lists filter by category, source, keyword, dates and area, and page.
// Two grids of 梅园新村街道 that no other test reports in, so counts there are this class's alone.
[Collection(NanjingCollection.Name)]
public sealed class QueueTests(GridGovApp app)
{
    const long QueueGrid = 320102002007001, FilterGrid = 320102002009001, OtherFilterGrid = 320102002011001;
    readonly TicketKit kit = new(app);

    static string Marker() => "队列" + Guid.NewGuid().ToString("N")[..8];

    async Task<TicketList> ListAsync(string user, string query) =>
        (await (await kit.As(user)).GetFromJsonAsync<TicketList>($"/api/v1/tickets?{query}", TicketKit.Json))!;

    async Task<List<long>> IdsAsync(string user, string query) => [.. (await ListAsync(user, query)).Items.Select(x => x.Id)];

    async Task<List<(TicketQueue, string, int)>> CountsAsync(string user, long area) =>
        [.. (await (await kit.As(user)).GetFromJsonAsync<List<QueueCount>>($"/api/v1/tickets/counts?area={area}", TicketKit.Json))!.Select(c => (c.Queue, c.Name, c.Count))];

    async Task<TicketDetail> Report(string description, long grid, string category = "E0102", TicketSource source = TicketSource.Staff, string? address = null)
    {
        var (lon, lat) = await kit.PointOfAsync(grid);
        var response = await kit.PostReportAsync("street", new { categoryCode = category, description, lon, lat, source, address });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreateTicketResult>(TicketKit.Json))!.Ticket;
    }

    // A ticket of the queue grid moved into the state by the street centre, its 城管中队, and the admin
    // as verifier (the demo grid worker's grid is another one).
    async Task<TicketDetail> InState(TicketState state, string marker)
    {
        var t = await Report($"兰园小区暴露垃圾{marker}", QueueGrid);
        if (state == TicketState.Reported) return t;
        t = await kit.DoAsync("street", t.Id, Accept);
        if (state == TicketState.Accepted) return t;
        t = await kit.DoAsync("street", t.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        if (state == TicketState.Dispatched) return t;
        if (state == TicketState.Returned) return await kit.DoAsync("handler", t.Id, Return, new { note = "不属于本部门" });
        if (state == TicketState.Shelved)
        {
            await kit.DoAsync("handler", t.Id, RequestShelve, new { note = "需要专项整治" });
            return await kit.DoAsync("street", t.Id, ApproveShelve);
        }
        t = await kit.DoAsync("handler", t.Id, ReportBack, new { note = "已清运" });
        if (state == TicketState.Handled) return t;
        t = await kit.DoAsync("admin", t.Id, VerifyPass);
        if (state == TicketState.Verified) return t;
        // Not the street's account that reported it: nobody closes their own report (ADR 0008).
        return await kit.DoAsync("chief", t.Id, Close);
    }

    [Fact]
    public async Task Counts_and_queues_follow_the_tickets_through_the_flow()
    {
        var marker = Marker();
        TicketState[] states = [TicketState.Reported, TicketState.Accepted, TicketState.Dispatched, TicketState.Returned,
            TicketState.Handled, TicketState.Verified, TicketState.Closed, TicketState.Shelved];
        var t = new Dictionary<TicketState, TicketDetail>();
        foreach (var s in states) t[s] = await InState(s, marker);
        Assert.All(states, s => Assert.Equal(s, t[s].State));
        await kit.DoAsync("street", t[TicketState.Dispatched].Id, Supervise, new { level = Supervision.Yellow });
        // The reported one's deadline passed (behind the API's back: the deadline tests move a clock instead).
        await using (var db = app.UnscopedDb())
            await db.Tickets.Where(x => x.Id == t[TicketState.Reported].Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DueAt, DateTime.UtcNow.AddMinutes(-5)));

        Assert.Equal(
        [
            (TicketQueue.Reported, "待受理", 1), (TicketQueue.Accepted, "待派遣", 1), (TicketQueue.Dispatched, "处置中", 1),
            (TicketQueue.Returned, "已回退", 1), (TicketQueue.Handled, "待核查", 1), (TicketQueue.Verified, "待结案", 1),
            (TicketQueue.Overdue, "超期", 1), (TicketQueue.Supervised, "督办", 1), (TicketQueue.Shelved, "挂账", 1),
        ], await CountsAsync("street", QueueGrid));

        // Each queue lists exactly its ticket.
        var queues = new Dictionary<string, TicketState>
        {
            ["Reported"] = TicketState.Reported, ["Accepted"] = TicketState.Accepted, ["Dispatched"] = TicketState.Dispatched,
            ["Returned"] = TicketState.Returned, ["Handled"] = TicketState.Handled, ["Verified"] = TicketState.Verified,
            ["Closed"] = TicketState.Closed, ["Shelved"] = TicketState.Shelved, ["Overdue"] = TicketState.Reported, ["Supervised"] = TicketState.Dispatched,
        };
        foreach (var (queue, state) in queues)
            Assert.True(await IdsAsync("street", $"queue={queue}&area={QueueGrid}") is [var only] && only == t[state].Id, queue);
        var all = states.Select(s => t[s].Id).OrderDescending().ToList();
        Assert.Equal(all, await IdsAsync("street", $"queue=All&area={QueueGrid}"));
        Assert.Equal(all, await IdsAsync("street", $"queue=Mine&keyword={marker}"));
        var overdueRow = (await ListAsync("street", $"queue=Overdue&area={QueueGrid}")).Items.Single();
        Assert.Equal((true, "待受理"), (overdueRow.Overdue, overdueRow.StateName));
        var supervisedRow = (await ListAsync("street", $"queue=Supervised&area={QueueGrid}")).Items.Single();
        Assert.Equal((Supervision.Yellow, "梅园新村街道城管中队", "兰园社区第1网格"), (supervisedRow.Supervision, supervisedRow.LeadDepartment, supervisedRow.GridName));

        // The department's own view: what is with it now, its open work first in the counts; the
        // ticket it returned has left it (ADR 0008).
        Assert.Equal(
        [
            (TicketQueue.Department, "本部门待办", 4),
            (TicketQueue.Reported, "待受理", 0), (TicketQueue.Accepted, "待派遣", 0), (TicketQueue.Dispatched, "处置中", 1),
            (TicketQueue.Returned, "已回退", 0), (TicketQueue.Handled, "待核查", 1), (TicketQueue.Verified, "待结案", 1),
            (TicketQueue.Overdue, "超期", 0), (TicketQueue.Supervised, "督办", 1), (TicketQueue.Shelved, "挂账", 1),
        ], await CountsAsync("handler", QueueGrid));
        Assert.Equal(new[] { TicketState.Dispatched, TicketState.Handled, TicketState.Verified, TicketState.Shelved }.Select(s => t[s].Id).OrderDescending(),
            await IdsAsync("handler", $"queue=Department&area={QueueGrid}"));

        // Moving on moves it between queues.
        await kit.DoAsync("street", t[TicketState.Reported].Id, Accept);
        var counts = await CountsAsync("street", QueueGrid);
        Assert.Equal([(TicketQueue.Reported, "待受理", 0), (TicketQueue.Accepted, "待派遣", 2), (TicketQueue.Overdue, "超期", 0)],
            counts.Where(c => c.Item1 is TicketQueue.Reported or TicketQueue.Accepted or TicketQueue.Overdue));
        Assert.Empty(await IdsAsync("street", $"queue=Reported&area={QueueGrid}"));
    }

    [Fact]
    public async Task Lists_filter_by_category_source_keyword_dates_and_area()
    {
        var marker = Marker();
        var garbage = await Report($"大影壁路边暴露垃圾{marker}", FilterGrid, "E0102", TicketSource.Staff);
        var manhole = await Report($"大影壁上水井盖缺失{marker}", FilterGrid, "C0101", TicketSource.Hotline, address: "太平门街8号");
        var light = await Report($"北安门路灯不亮{marker}", OtherFilterGrid, "C0118", TicketSource.Hotline);
        var k = $"keyword={marker}";

        Assert.Equal([light.Id, manhole.Id, garbage.Id], await IdsAsync("street", k));
        Assert.Equal([light.Id, manhole.Id], await IdsAsync("street", $"{k}&category=C01"));
        Assert.Equal([manhole.Id], await IdsAsync("street", $"{k}&category=c0101"));
        Assert.Equal([garbage.Id], await IdsAsync("street", $"{k}&category=E"));
        Assert.Empty(await IdsAsync("street", $"{k}&category=G01"));
        Assert.Equal([light.Id, manhole.Id], await IdsAsync("street", $"{k}&source=Hotline"));
        Assert.Equal([garbage.Id], await IdsAsync("street", $"{k}&source=Staff"));
        Assert.Equal([manhole.Id], await IdsAsync("street", $"{k}&source=Hotline&category=C0101"));
        Assert.Equal([manhole.Id], await IdsAsync("street", $"keyword=井盖缺失{marker}"));
        Assert.Contains(manhole.Id, await IdsAsync("street", "keyword=太平门街8号")); // the address counts too
        Assert.Equal([manhole.Id, garbage.Id], await IdsAsync("street", $"{k}&area={FilterGrid}"));
        Assert.Equal([light.Id], await IdsAsync("street", $"{k}&area={OtherFilterGrid}"));
        Assert.Equal([light.Id, manhole.Id, garbage.Id], await IdsAsync("street", $"{k}&area={TicketKit.Street}"));
        Assert.Equal([manhole.Id, garbage.Id], await IdsAsync("street", $"{k}&area={FilterGrid / 1000}"));
        Assert.Empty(await IdsAsync("street", $"{k}&area=320102003"));

        // Dates are China calendar days, both ends included: move one ticket into January (behind the API).
        await using (var db = app.UnscopedDb())
            await db.Tickets.Where(x => x.Id == garbage.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.ReportedAt, new DateTime(2026, 1, 15, 16, 30, 0, DateTimeKind.Utc)));
        var today = DateOnly.FromDateTime(manhole.ReportedAt.ToUniversalTime().AddHours(8));
        Assert.Equal([light.Id, manhole.Id], await IdsAsync("street", $"{k}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        // 16:30 UTC on the 15th is 00:30 on the 16th in China.
        Assert.Equal([light.Id, manhole.Id, garbage.Id], await IdsAsync("street", $"{k}&from=2026-01-16"));
        Assert.Equal([light.Id, manhole.Id], await IdsAsync("street", $"{k}&from=2026-01-17"));
        Assert.Equal([garbage.Id], await IdsAsync("street", $"{k}&from=2026-01-16&to=2026-01-16"));
        Assert.Empty(await IdsAsync("street", $"{k}&from=2026-01-15&to=2026-01-15"));
        Assert.Equal([garbage.Id], await IdsAsync("street", $"{k}&to=2026-01-31"));
        Assert.Empty(await IdsAsync("street", $"{k}&from={today.AddDays(1):yyyy-MM-dd}"));
    }

    [Fact]
    public async Task Lists_page_newest_first_with_the_total()
    {
        var marker = Marker();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add((await Report($"明故宫路边暴露垃圾{i}{marker}", FilterGrid)).Id);
        ids.Reverse();
        var k = $"keyword={marker}";

        // Ids, total, page, page size in one comparable line.
        async Task<string> Page(string q)
        {
            var p = await ListAsync("street", $"{k}&{q}");
            return $"[{string.Join(",", p.Items.Select(x => x.Id))}] {p.Total} {p.Page} {p.PageSize}";
        }
        string Ids(IEnumerable<long> some) => $"[{string.Join(",", some)}]";
        Assert.Equal($"{Ids(ids[..2])} 5 1 2", await Page("page=1&pageSize=2"));
        Assert.Equal($"{Ids(ids[2..4])} 5 2 2", await Page("page=2&pageSize=2"));
        Assert.Equal($"{Ids(ids[4..])} 5 3 2", await Page("page=3&pageSize=2"));
        Assert.Equal("[] 5 4 2", await Page("page=4&pageSize=2"));
        // Out-of-range paging is brought back into range: first page, 1 to 100 rows, 20 by default.
        Assert.Equal($"{Ids(ids[..1])} 5 1 1", await Page("page=0&pageSize=0"));
        Assert.Equal($"{Ids(ids)} 5 1 100", await Page("pageSize=1000"));
        Assert.Equal($"{Ids(ids)} 5 1 20", await Page(""));
    }
}
