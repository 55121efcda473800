using System.Net;
using System.Net.Http.Json;
using GridGov.Features.Tickets;
using GridGov.Features.Identity;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GridGov.Features.Tickets.TicketAction;

namespace GridGov.Tests.Tickets;

// Acting needs the area, not just the permission (ADR 0008): reports lie in the reporter's area,
// "reported by me" reads and evaluates but never handles, and nobody checks their own work.
[Collection(NanjingCollection.Name)]
public sealed class AreaTests(GridGovApp app)
{
    // A grid of 秦虹街道, 秦淮区: outside every demo account's area but admin's.
    const long QinhuaiGrid = 320104001003001;
    readonly TicketKit kit = new(app);

    static string Marker() => "辖区" + Guid.NewGuid().ToString("N")[..8];

    // What an attacker's step could have changed.
    async Task<object> SnapshotAsync(long id)
    {
        await using var db = app.UnscopedDb();
        var t = await db.Tickets.AsNoTracking().Include(x => x.Assignments).SingleAsync(x => x.Id == id);
        var events = await db.TicketEvents.CountAsync(e => e.TicketId == id);
        return (t.State, t.Version, t.Supervision, t.LeadDepartmentId, t.GridCode, t.CentreCode, t.Assignments.Count, events);
    }

    [Fact]
    public async Task A_street_account_cannot_report_in_another_district_by_point_or_by_grid_code()
    {
        var before = await kit.TicketCountAsync();
        var (lon, lat) = await kit.PointOfAsync(QinhuaiGrid);
        var byPoint = await kit.PostReportAsync("street", new { categoryCode = "C0101", description = $"秦淮区井盖缺失{Marker()}", lon, lat });
        Assert.Equal(HttpStatusCode.BadRequest, byPoint.StatusCode);
        var problem = await byPoint.Content.ReadAsStringAsync();
        Assert.Contains("\"lon\"", problem);
        Assert.Contains("不在您的管理范围内", problem);
        var byGrid = await kit.PostReportAsync("street", new { categoryCode = "C0101", description = $"秦淮区井盖缺失{Marker()}", gridCode = QinhuaiGrid });
        Assert.Equal(HttpStatusCode.BadRequest, byGrid.StatusCode);
        Assert.Contains("\"gridCode\"", await byGrid.Content.ReadAsStringAsync());
        // The grid worker's "handled myself" next door, the first half of reporting, handling and verifying alone.
        var photo = await TestPhotos.UploadAsync(await kit.As("grid"));
        var (nLon, nLat) = await kit.PointOfAsync(320102002006001);
        var selfHandled = await kit.PostReportAsync("grid", new { categoryCode = "E0201", description = $"小广告已清除{Marker()}", lon = nLon, lat = nLat, photos = new[] { photo }, selfHandle = true });
        Assert.Equal(HttpStatusCode.BadRequest, selfHandled.StatusCode);
        Assert.Equal(before, await kit.TicketCountAsync());

        // A city-wide account reports anywhere.
        var t = await kit.ReportAsync(user: "admin", description: $"秦淮区井盖缺失{Marker()}", at: (lon, lat));
        Assert.Equal(QinhuaiGrid, t.GridCode);
    }

    // The attack: a street account's report that lies in another district (reported before
    // this rule, or its place corrected since): it may read and evaluate it, nothing more.
    [Fact]
    public async Task Reported_by_me_in_another_district_reads_and_evaluates_but_never_accepts_dispatches_or_supervises()
    {
        var t = await kit.ReportAsync(user: "street", description: $"路面坑洼{Marker()}", category: "C0101");
        await using (var db = app.UnscopedDb())
            await db.Tickets.Where(x => x.Id == t.Id).ExecuteUpdateAsync(x => x
                .SetProperty(y => y.GridCode, QinhuaiGrid).SetProperty(y => y.CentreCode, QinhuaiGrid / 1_000_000));
        var seen = await kit.GetAsync("street", t.Id);
        Assert.NotNull(seen);
        Assert.Empty(seen.Actions);

        var before = await SnapshotAsync(t.Id);
        var accept = await kit.ActAsync("street", t.Id, Accept);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Contains("只能查看和评价", await accept.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("street", t.Id, Reject, new { note = "不受理" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("street", t.Id, Supervise, new { level = Supervision.Red })).StatusCode);
        Assert.Equal(before, await SnapshotAsync(t.Id));

        // Accepted by the city, it may still not be dispatched to the street's own department nor red-carded.
        await kit.DoAsync("admin", t.Id, Accept);
        before = await SnapshotAsync(t.Id);
        var dispatch = await kit.ActAsync("street", t.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        Assert.Equal(HttpStatusCode.Forbidden, dispatch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("street", t.Id, Supervise, new { level = Supervision.Red })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("street", t.Id, Escalate, new { note = "上报" })).StatusCode);
        Assert.Equal(before, await SnapshotAsync(t.Id));
        Assert.Null(await kit.GetAsync("handler", t.Id));

        // Closed, the reporter evaluates it: reading and evaluating stay theirs.
        await using (var db = app.UnscopedDb())
            await db.Tickets.Where(x => x.Id == t.Id).ExecuteUpdateAsync(x => x.SetProperty(y => y.State, TicketState.Closed));
        Assert.Equal([Evaluate], (await kit.GetAsync("street", t.Id))!.Actions.Select(a => a.Action));
        var evaluated = await kit.DoAsync("street", t.Id, Evaluate, new { evaluation = Evaluation.Satisfied });
        Assert.Equal(Evaluation.Satisfied, evaluated.Evaluation);
    }

    [Fact]
    public async Task Whoever_handled_a_ticket_themselves_neither_verifies_nor_closes_it_a_colleague_does()
    {
        var photo = await TestPhotos.UploadAsync(await kit.As("grid"));
        var (lon, lat) = await kit.PointAsync();
        var response = await kit.PostReportAsync("grid", new { categoryCode = "E0201", description = $"小广告已当场清除{Marker()}", lon, lat, photos = new[] { photo }, selfHandle = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var t = (await response.Content.ReadFromJsonAsync<Features.Tickets.Intake.CreateTicketResult>(TicketKit.Json))!.Ticket;
        Assert.Equal(TicketState.Handled, t.State);

        var before = await SnapshotAsync(t.Id);
        var pass = await kit.ActAsync("grid", t.Id, VerifyPass);
        Assert.Equal(HttpStatusCode.Forbidden, pass.StatusCode);
        Assert.Contains("不能核查或结案自己处置的工单", await pass.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await kit.ActAsync("grid", t.Id, VerifyFail, new { note = "未处理完" })).StatusCode);
        Assert.Equal(before, await SnapshotAsync(t.Id));

        // A colleague verifies it; the centre closes it.
        await kit.DoAsync("admin", t.Id, VerifyPass);
        var closed = await kit.DoAsync("street", t.Id, Close);
        Assert.Equal(TicketState.Closed, closed.State);
    }

    [Fact]
    public async Task A_department_that_reported_back_does_not_verify_and_a_reporter_does_not_close_their_own_report()
    {
        // The street's centre registers a phone call itself; its department handles it; the grid worker verifies.
        var t = await kit.ReportAsync(user: "street", description: $"井盖破损{Marker()}");
        await kit.DoAsync("street", t.Id, Accept);
        await kit.DoAsync("street", t.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        await kit.DoAsync("handler", t.Id, ReportBack, new { note = "已更换井盖" });
        // A member of the department who also holds the verifier's permission did not handle it: may verify.
        // The one who reported back, given that permission too, may not.
        var colleague = await UserAsync(["department_handler", "grid_worker"], await kit.HandlerDepartmentAsync());
        Assert.Contains(VerifyPass, (await GetAsAsync(colleague, t.Id)).Actions.Select(a => a.Action));
        var doer = await UserAsync(["department_handler", "grid_worker"], await kit.HandlerDepartmentAsync());
        var t2 = await kit.ReportAsync(user: "street", description: $"井盖破损{Marker()}");
        await kit.DoAsync("street", t2.Id, Accept);
        await kit.DoAsync("street", t2.Id, Dispatch, new { departmentId = await kit.HandlerDepartmentAsync() });
        await Ok(await ActAsAsync(doer, t2.Id, ReportBack, new { note = "已更换井盖" }));
        var before2 = await SnapshotAsync(t2.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsAsync(doer, t2.Id, VerifyPass, new { })).StatusCode);
        Assert.Equal(before2, await SnapshotAsync(t2.Id));
        Assert.DoesNotContain(VerifyPass, (await GetAsAsync(doer, t2.Id)).Actions.Select(a => a.Action));
        await kit.DoAsync("grid", t.Id, VerifyPass);

        var before = await SnapshotAsync(t.Id);
        var close = await kit.ActAsync("street", t.Id, Close);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        Assert.Contains("不能为自己上报的工单结案", await close.Content.ReadAsStringAsync());
        Assert.Equal(before, await SnapshotAsync(t.Id));
        Assert.Equal(TicketState.Closed, (await kit.DoAsync("chief", t.Id, Close)).State);
    }

    async Task<HttpClient> UserAsync(string[] roles, long department)
    {
        using var admin = await app.ClientForAsync("admin");
        var name = $"dept_{Guid.NewGuid():N}"[..20];
        const string password = "Area-test-42a";
        var r = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName = name, displayName = "部门核查测试", orgUnitCode = TicketKit.Street, dataScope = "UnitAndBelow", roles, password, departmentId = department,
        });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return await app.ClientForAsync(name, password);
    }

    static async Task<TicketDetail> GetAsAsync(HttpClient c, long id) =>
        (await c.GetFromJsonAsync<TicketDetail>($"/api/v1/tickets/{id}", TicketKit.Json))!;

    async Task<HttpResponseMessage> ActAsAsync(HttpClient c, long id, TicketAction action, object body)
    {
        await using var db = app.UnscopedDb();
        var version = await db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync();
        var fields = System.Text.Json.JsonSerializer.SerializeToElement(body, TicketKit.Json).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        fields["version"] = version;
        return await c.PostAsJsonAsync($"/api/v1/tickets/{id}/actions/{action}", fields, TicketKit.Json);
    }

    static async Task Ok(HttpResponseMessage r) => Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
}
