using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// Data scope on tickets (DESIGN.md §4): a ticket outside the caller's area answers 404 everywhere and
// is absent from lists and counts; department staff see only tickets dispatched to their department.
[Collection(NanjingCollection.Name)]
public sealed class ScopeTests(GridGovApp app)
{
    // A grid of 秦虹街道, 秦淮区 (320104): outside 玄武区 and everything below it. No other test uses it.
    const long QinhuaiGrid = 320104001002001;
    readonly TicketKit kit = new(app);

    static string Marker() => "范围" + Guid.NewGuid().ToString("N")[..8];

    async Task<TicketList> ListAsync(string user, string query) =>
        (await (await kit.As(user)).GetFromJsonAsync<TicketList>($"/api/v1/tickets?{query}", TicketKit.Json))!;

    async Task<Dictionary<TicketQueue, int>> CountsAsync(string user, long? area = null) =>
        (await (await kit.As(user)).GetFromJsonAsync<List<QueueCount>>($"/api/v1/tickets/counts{(area is { } a ? $"?area={a}" : "")}", TicketKit.Json))!
        .ToDictionary(c => c.Queue, c => c.Count);

    [Theory]
    [InlineData("street")]
    [InlineData("grid")]
    [InlineData("handler")]
    [InlineData("district")]
    public async Task A_ticket_in_another_district_is_404_everywhere_and_absent_from_lists_and_counts(string user)
    {
        var countsBefore = await CountsAsync(user);
        var adminBefore = (await CountsAsync("admin", QinhuaiGrid))[TicketQueue.Reported];
        var marker = Marker();
        var admin = await kit.As("admin");
        var photo = await TestPhotos.UploadAsync(admin);
        var t = await kit.ReportAsync(user: "admin", category: "C0101", description: $"秦淮区上水井盖缺失{marker}", at: await kit.PointOfAsync(QinhuaiGrid), photos: [photo]);
        Assert.Equal(QinhuaiGrid, t.GridCode);

        // The admin sees all of it: the 404s below are the scope's, not missing data.
        string[] reads = [$"/api/v1/tickets/{t.Id}", $"/api/v1/tickets/{t.Id}/candidates", $"/api/v1/tickets/{t.Id}/photos/{photo}"];
        foreach (var url in reads) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/tickets/{t.Id}/suggestion")).StatusCode);
        Assert.Equal(1, (await ListAsync("admin", $"keyword={marker}")).Total);
        Assert.Equal(adminBefore + 1, (await CountsAsync("admin", QinhuaiGrid))[TicketQueue.Reported]);

        var client = await kit.As(user);
        foreach (var url in reads.Append($"/api/v1/tickets/{t.Id}/suggestion"))
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(url)).StatusCode, $"{user} GET {url}");
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            var response = await kit.ActAsync(user, t.Id, action, new { note = "越权尝试", primaryId = t.Id, departmentId = 1, level = Supervision.Red });
            Assert.True(HttpStatusCode.NotFound == response.StatusCode, $"{user} {action}: {(int)response.StatusCode}");
        }
        foreach (var query in new[] { "queue=All", "queue=Reported", "queue=Overdue", "queue=Mine", $"area={QinhuaiGrid}", "area=320104" })
        {
            var page = await ListAsync(user, $"{query}&keyword={marker}");
            Assert.True((0, 0) == (page.Total, page.Items.Count), $"{user} {query}: {page.Total} {page.Items.Count}");
        }
        Assert.Equal(countsBefore, await CountsAsync(user));
        Assert.All((await CountsAsync(user, QinhuaiGrid)).Values, n => Assert.Equal(0, n));

        var after = (await kit.GetAsync("admin", t.Id))!;
        Assert.Equal((TicketState.Reported, t.Version), (after.State, after.Version));
    }

    [Fact]
    public async Task The_district_sees_its_streets_but_not_another_district()
    {
        var inside = await kit.ReportAsync(description: $"梅园新村上水井盖缺失{Marker()}");
        Assert.NotNull(await kit.GetAsync("district", inside.Id));
        Assert.Null(await kit.GetAsync("district", (await kit.ReportAsync(user: "admin", at: await kit.PointOfAsync(QinhuaiGrid))).Id));
    }

    [Fact]
    public async Task Department_staff_see_only_tickets_dispatched_to_their_department()
    {
        const long street = TicketKit.Street;
        var marker = Marker();
        var handler = await kit.As("handler");
        var mine = await kit.ReportAsync(user: "street", description: $"梅园新村路边暴露垃圾{marker}", category: "E0102");
        await kit.DoAsync("street", mine.Id, Accept);
        // Accepted, not yet dispatched: not the department's.
        Assert.Null(await kit.GetAsync("handler", mine.Id));
        Assert.Equal(0, (await ListAsync("handler", $"keyword={marker}")).Total);
        var departmentBefore = (await CountsAsync("handler"))[TicketQueue.Department];

        var dispatched = await kit.DoAsync("street", mine.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        Assert.Equal("梅园新村街道城管中队", dispatched.LeadDepartment);
        var seen = await kit.GetAsync("handler", mine.Id);
        Assert.NotNull(seen);
        Assert.Contains(seen!.Actions, a => a.Action == ReportBack);
        Assert.Equal([mine.Id], (await ListAsync("handler", $"keyword={marker}")).Items.Select(x => x.Id));
        Assert.Equal([mine.Id], (await ListAsync("handler", $"queue=Department&keyword={marker}")).Items.Select(x => x.Id));
        Assert.Equal(departmentBefore + 1, (await CountsAsync("handler"))[TicketQueue.Department]);

        var police = await kit.DepartmentAsync(street, "公安");
        var theirs = await kit.ReportAsync(user: "street", description: $"梅园新村路边违章停车{marker}", category: "E0102");
        await kit.DoAsync("street", theirs.Id, Accept);
        var toPolice = await kit.DoAsync("street", theirs.Id, Dispatch, new { departmentId = police });
        Assert.Equal("梅园新村街道派出所", toPolice.LeadDepartment);
        Assert.Null(await kit.GetAsync("handler", theirs.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await kit.ActAsync("handler", theirs.Id, ReportBack, new { note = "不是我们的" })).StatusCode);
        Assert.Equal([mine.Id], (await ListAsync("handler", $"keyword={marker}")).Items.Select(x => x.Id));
        Assert.Equal(departmentBefore + 1, (await CountsAsync("handler"))[TicketQueue.Department]);
        // The street command centre sees both.
        Assert.Equal([theirs.Id, mine.Id], (await ListAsync("street", $"keyword={marker}")).Items.Select(x => x.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await handler.GetAsync($"/api/v1/tickets/{theirs.Id}/candidates")).StatusCode);
    }

    [Fact]
    public async Task A_grid_worker_does_not_see_other_grids_tickets_reported_by_others()
    {
        var other = await kit.ReportAsync(user: "street", at: await kit.PointOfAsync(320102002006001));
        Assert.Equal(320102002006001, other.GridCode);
        Assert.Null(await kit.GetAsync("grid", other.Id));
        Assert.NotNull(await kit.GetAsync("street", other.Id));
    }

    // A grid worker reports in its own grid (ADR 0008); a report of theirs that lies elsewhere (its
    // place corrected by the centre) they still follow, in "我上报的" and by id.
    [Fact]
    public async Task A_grid_worker_reports_only_in_its_grid_and_follows_its_reports_wherever_they_lie()
    {
        var marker = Marker();
        var before = await kit.TicketCountAsync();
        var (lon, lat) = await kit.PointOfAsync(320102002006001);
        var refused = await kit.PostReportAsync("grid", new { categoryCode = "E0102", description = $"路过东南大学社区看到暴露垃圾{marker}", lon, lat });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"lon\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await kit.TicketCountAsync());

        var t = await kit.ReportAsync(description: $"网格内暴露垃圾{marker}", category: "E0102");
        await using (var db = app.UnscopedDb())
            await db.Tickets.Where(x => x.Id == t.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.GridCode, 320102002006001L));
        Assert.NotNull(await kit.GetAsync("grid", t.Id));
        Assert.Equal([t.Id], (await ListAsync("grid", $"queue=Mine&keyword={marker}")).Items.Select(x => x.Id));
    }
}
