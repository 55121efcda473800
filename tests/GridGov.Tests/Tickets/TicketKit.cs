using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Intake;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Tests.Tickets;

// Reports and moves tickets through the API as the demo accounts would: grid (grid worker, reporter,
// verifier), street (acceptor, dispatcher, duty chief of 梅园新村街道), handler (its 城管中队).
public sealed class TicketKit(GridGovApp app)
{
    public const long Grid = 320102002001001;
    public const long Street = 320102002;
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> clients = new();
    (double Lon, double Lat)? point;
    long? handlerDepartment;

    public Task<HttpClient> As(string user) => clients.GetOrAdd(user, u => new(() => app.ClientForAsync(u))).Value;

    public async Task<(double Lon, double Lat)> PointAsync()
    {
        if (point is { } p) return p;
        await using var db = app.UnscopedDb();
        var g = await db.OrgUnits.SingleAsync(u => u.Code == Grid);
        return (point = (g.LabelLon, g.LabelLat)).Value;
    }

    // The label point of any grid: inside it, so intake assigns that grid.
    public async Task<(double Lon, double Lat)> PointOfAsync(long gridCode)
    {
        await using var db = app.UnscopedDb();
        var g = await db.OrgUnits.SingleAsync(u => u.Code == gridCode);
        return (g.LabelLon, g.LabelLat);
    }

    // The department of a kind (城管, 公安 …) at a unit.
    public async Task<long> DepartmentAsync(long unit, string kind)
    {
        await using var db = app.UnscopedDb();
        return await db.Departments.Where(x => x.OrgUnitCode == unit && x.Kind == kind).Select(x => x.Id).SingleAsync();
    }

    public async Task<long> HandlerDepartmentAsync()
    {
        if (handlerDepartment is { } d) return d;
        await using var db = app.UnscopedDb();
        return (handlerDepartment = await db.Departments.Where(x => x.OrgUnitCode == Street && x.Kind == "城管").Select(x => x.Id).SingleAsync()).Value;
    }

    public async Task<HttpResponseMessage> PostReportAsync(string user, object body) =>
        await (await As(user)).PostAsJsonAsync("/api/v1/tickets", body, Json);

    public async Task<TicketDetail> ReportAsync(string user = "grid", string description = "长江路12号门口上水井盖缺失，有安全隐患",
        string category = "C0101", string? requestId = null, (double Lon, double Lat)? at = null, List<string>? photos = null)
    {
        var (lon, lat) = at ?? await PointAsync();
        var response = await PostReportAsync(user, new { clientRequestId = requestId, categoryCode = category, description, lon, lat, photos });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreateTicketResult>(Json))!.Ticket;
    }

    public async Task<TicketDetail?> GetAsync(string user, long id)
    {
        var response = await (await As(user)).GetAsync($"/api/v1/tickets/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<TicketDetail>(Json);
    }

    // The action with the ticket's current version unless the body names one.
    public async Task<HttpResponseMessage> ActAsync(string user, long id, TicketAction action, object? body = null)
    {
        var fields = body is null ? [] : JsonSerializer.SerializeToElement(body, Json).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        if (!fields.ContainsKey("version"))
        {
            await using var db = app.UnscopedDb();
            fields["version"] = await db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync();
        }
        return await (await As(user)).PostAsJsonAsync($"/api/v1/tickets/{id}/actions/{action}", fields, Json);
    }

    public async Task<TicketDetail> DoAsync(string user, long id, TicketAction action, object? body = null)
    {
        var response = await ActAsync(user, id, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action} as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<TicketDetail>(Json))!;
    }

    // A fresh ticket reported by the grid worker and moved into the given state the usual way.
    public async Task<TicketDetail> InStateAsync(TicketState state)
    {
        var t = await ReportAsync();
        if (state == TicketState.Reported) return t;
        if (state == TicketState.Rejected) return await DoAsync("street", t.Id, TicketAction.Reject, new { note = "不属于受理范围" });
        if (state == TicketState.Duplicate)
        {
            var primary = await ReportAsync();
            return await DoAsync("street", t.Id, TicketAction.LinkDuplicate, new { primaryId = primary.Id });
        }
        t = await DoAsync("street", t.Id, TicketAction.Accept);
        if (state == TicketState.Accepted) return t;
        t = await DoAsync("street", t.Id, TicketAction.Dispatch, new { departmentId = await HandlerDepartmentAsync() });
        if (state == TicketState.Dispatched) return t;
        if (state == TicketState.Returned) return await DoAsync("handler", t.Id, TicketAction.Return, new { note = "不属于本部门职责" });
        if (state == TicketState.Shelved)
        {
            await DoAsync("handler", t.Id, TicketAction.RequestShelve, new { note = "需纳入明年改造计划" });
            return await DoAsync("street", t.Id, TicketAction.ApproveShelve);
        }
        t = await DoAsync("handler", t.Id, TicketAction.ReportBack, new { note = "已补装井盖" });
        if (state == TicketState.Handled) return t;
        t = await DoAsync("grid", t.Id, TicketAction.VerifyPass);
        if (state == TicketState.Verified) return t;
        return await DoAsync("street", t.Id, TicketAction.Close);
    }

    public async Task<int> TicketCountAsync()
    {
        await using var db = app.UnscopedDb();
        return await db.Tickets.CountAsync();
    }
}
