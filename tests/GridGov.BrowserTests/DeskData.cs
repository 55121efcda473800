using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.BrowserTests;

// Tickets for the desk tests, reported through the API with a token: in the street centre's own
// grids, or in a grid of another street that the street's accounts may not see.
public sealed class DeskData(BrowserApp app)
{
    public sealed record Reported(long Id, string Number);

    public async Task<HttpClient> ClientAsync(string user)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = app.Password(user) }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return http;
    }

    // The label points of the street's grid worker's grid, and of a grid in another street.
    public async Task<((double Lon, double Lat) Own, (double Lon, double Lat) Other)> PointsAsync()
    {
        await using var db = app.Services.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
        var street = await db.Users.Where(u => u.UserName == "street").Select(u => u.OrgUnitCode).SingleAsync();
        var grid = await db.Users.Where(u => u.UserName == "grid").Select(u => u.OrgUnitCode).SingleAsync();
        var (from, to) = OrgCode.Subtree(street);
        var own = await db.OrgUnits.Where(u => u.Code == grid).Select(u => new { u.LabelLon, u.LabelLat }).SingleAsync();
        var other = await db.OrgUnits.Where(u => u.Code > 99_999_999_999_999 && (u.Code < from || u.Code > to))
            .OrderBy(u => u.Code).Select(u => new { u.LabelLon, u.LabelLat }).FirstAsync();
        return ((own.LabelLon, own.LabelLat), (other.LabelLon, other.LabelLat));
    }

    public async Task<Reported> ReportAsync(HttpClient client, string description, (double Lon, double Lat) at, string category = "C0101")
    {
        var response = await client.PostAsJsonAsync("/api/v1/tickets", new { categoryCode = category, description, lon = at.Lon, lat = at.Lat, source = "Staff" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var ticket = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ticket");
        return new(ticket.GetProperty("id").GetInt64(), ticket.GetProperty("number").GetString()!);
    }
}
