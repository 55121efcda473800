using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Tests.Infrastructure;

namespace GridGov.Tests.Tickets;

// A ticket number (a hotline call-back starts from it) finds that ticket: in the list's keyword, and
// through /tickets/find for the header's box; only within the caller's scope.
[Collection(NanjingCollection.Name)]
public sealed class FindByNumberTests(GridGovApp app)
{
    // A grid of 梅园新村街道 and one of 秦淮区 that no other test reports in.
    const long OwnGrid = 320102002005001, QinhuaiGrid = 320104001007001;
    readonly TicketKit kit = new(app);

    async Task<TicketList> ListAsync(string user, string query) =>
        (await (await kit.As(user)).GetFromJsonAsync<TicketList>($"/api/v1/tickets?{query}", TicketKit.Json))!;

    async Task<(HttpStatusCode, FoundTicket?)> FindAsync(string user, string number)
    {
        var response = await (await kit.As(user)).GetAsync($"/api/v1/tickets/find?number={Uri.EscapeDataString(number)}");
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<FoundTicket>(TicketKit.Json) : null);
    }

    [Fact]
    public async Task A_number_in_scope_finds_that_ticket_only_and_another_streets_number_finds_nothing()
    {
        var own = await kit.ReportAsync(user: "street", category: "E0102", description: "兰园小区暴露垃圾按编号查找", at: await kit.PointOfAsync(OwnGrid));
        var neighbour = await kit.ReportAsync(user: "street", category: "E0102", description: "兰园小区暴露垃圾按编号查找之二", at: await kit.PointOfAsync(OwnGrid));
        var elsewhere = await kit.ReportAsync(user: "admin", category: "E0102", description: "秦淮区暴露垃圾按编号查找", at: await kit.PointOfAsync(QinhuaiGrid));
        Assert.Matches(@"^\d{15}$", own.Number);

        // The list: that one ticket, whatever else matches the words; padded by spaces as typed.
        var list = await ListAsync("street", $"queue=All&keyword=%20{own.Number}%20");
        Assert.Equal([own.Id], list.Items.Select(t => t.Id));
        Assert.Equal(1, list.Total);
        Assert.Equal(own.Number, list.Items[0].Number);
        // Still within the queue asked for: it is not in 处置中.
        Assert.Equal(0, (await ListAsync("street", $"queue=Dispatched&keyword={own.Number}")).Total);
        // The street cannot find the other district's ticket by its number; the admin can.
        Assert.Equal(0, (await ListAsync("street", $"queue=All&keyword={elsewhere.Number}")).Total);
        Assert.Equal([elsewhere.Id], (await ListAsync("admin", $"queue=All&keyword={elsewhere.Number}")).Items.Select(t => t.Id));

        // The header's lookup.
        Assert.Equal((HttpStatusCode.OK, own.Id), await FindAsync("street", own.Number) is var (s, f) ? (s, f!.Id) : default);
        Assert.Equal(HttpStatusCode.NotFound, (await FindAsync("street", elsewhere.Number)).Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await FindAsync("grid", elsewhere.Number)).Item1);
        Assert.Equal(elsewhere.Id, (await FindAsync("admin", elsewhere.Number)).Item2!.Id);
        // The id with the wrong date is not that ticket; nor is a number that is no number.
        var wrongDay = DateTime.ParseExact(own.Number[..8], "yyyyMMdd", null).AddDays(-1).ToString("yyyyMMdd") + own.Number[8..];
        Assert.Equal(HttpStatusCode.NotFound, (await FindAsync("street", wrongDay)).Item1);
        Assert.Equal(0, (await ListAsync("street", $"queue=All&keyword={wrongDay}")).Total);
        foreach (var bad in new[] { "abc", own.Number[..14], own.Number[..8] + "0" + own.Number[8..], "20261399" + own.Number[8..] })
            Assert.Equal(HttpStatusCode.NotFound, (await FindAsync("street", bad)).Item1);
        Assert.NotEqual(neighbour.Id, own.Id);
    }

    [Fact]
    public async Task The_list_sorts_by_report_time_and_deadline_both_ways()
    {
        var marker = "排序" + Guid.NewGuid().ToString("N")[..8];
        var at = await kit.PointOfAsync(OwnGrid);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await kit.ReportAsync(user: "street", category: "E0102", description: $"兰园小区暴露垃圾{marker}{i}", at: at)).Id);
        // Deadlines in the other order than the reports, closed one without a clock.
        await using (var db = app.UnscopedDb())
            for (var i = 0; i < 3; i++)
            {
                var id = ids[i];
                var due = DateTime.UtcNow.AddHours(10 - i);
                await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.Tickets.Where(t => t.Id == id), u => u.SetProperty(t => t.DueAt, due));
            }
        async Task<List<long>> Sorted(string sort) => [.. (await ListAsync("street", $"queue=All&keyword={marker}&sort={sort}")).Items.Select(t => t.Id)];
        Assert.Equal(ids, await Sorted("reportedAt"));
        Assert.Equal(Enumerable.Reverse(ids), await Sorted("-reportedAt"));
        Assert.Equal(Enumerable.Reverse(ids), await Sorted("dueAt"));
        Assert.Equal(ids, await Sorted("-dueAt"));
        var bad = await (await kit.As("street")).GetAsync("/api/v1/tickets?sort=urgency");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("排序方式不存在", await bad.Content.ReadAsStringAsync());
    }
}
