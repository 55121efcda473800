using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Panorama;
using GridGov.Features.Terminal.Patrols;
using GridGov.Infrastructure;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Panorama;

// The panorama's 巡查轨迹 layer through the API: a patrol recorded by a grid worker shows in its
// street's and the city's tracks with its worker, times and length, never in another street's; a
// street account cannot open another street's tracks at all.
[Collection(NanjingCollection.Name)]
public sealed class PanoramaTrackTests(GridGovApp app)
{
    const string Password = "Pano-track-7q";
    const long OtherStreet = 320102003;
    // 0.00045° of latitude is about 50 m.
    const double Step = 0.00045;
    readonly TicketKit kit = new(app);

    async Task<long> FirstGridAsync(long unit)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(unit);
        return await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
    }

    // A fresh grid worker walks 150 m north through their grid in three minutes and ends the patrol.
    async Task<(long Id, string Worker, DateTime StartedAt)> PatrolAsync(long grid)
    {
        var admin = await kit.As("admin");
        var name = "pk_" + Guid.NewGuid().ToString("N")[..8];
        var worker = "巡查" + name[3..7];
        var made = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = worker, orgUnitCode = grid, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var c = await app.ClientForAsync(name, Password);
        var p = (await app.Services.GetRequiredService<Places>().ShapeAsync(grid))!.InteriorPoint;
        var t0 = DateTime.UtcNow.AddMinutes(-5);
        var start = await c.PostAsJsonAsync("/api/v1/terminal/patrols", new { clientStartedAt = t0.ToString("O") });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var points = Enumerable.Range(0, 4).Select(i => new { at = t0.AddMinutes(i + 0.5).ToString("O"), lon = p.X, lat = p.Y + i * Step, accuracy = 10 }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{id}/points", new { points })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{id}/end", new { })).StatusCode);
        return (id, worker, t0);
    }

    async Task<PanoramaTracks> TracksAsync(string user, long unit, string period = "Year")
    {
        var response = await (await kit.As(user)).GetAsync($"/api/v1/panorama/tracks?unit={unit}&period={period}");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PanoramaTracks>(TicketKit.Json))!;
    }

    [Fact]
    public async Task A_patrol_shows_in_its_street_and_the_city_and_never_in_another_street()
    {
        var ours = await PatrolAsync(await FirstGridAsync(TicketKit.Street));
        var theirs = await PatrolAsync(await FirstGridAsync(OtherStreet));

        var street = await TracksAsync("street", TicketKit.Street);
        var track = Assert.Single(street.Tracks, t => t.Id == ours.Id);
        // The street's command centre sees the walk but not who walked (it has no terminal.team).
        Assert.Equal(GetPanoramaTracks.Unnamed, track.WorkerName);
        Assert.DoesNotContain(street.Tracks, t => t.Id == theirs.Id);
        Assert.All(street.Tracks, t => Assert.NotNull(t.GridName));
        // Three steps of 50 m; the times are China's (UTC+8), as the tooltip shows them.
        Assert.InRange(track.Km, 0.14, 0.16);
        Assert.Equal(4, track.Line.Count);
        Assert.InRange((track.StartedAt - ours.StartedAt).TotalHours, 7.99, 8.01);
        Assert.NotNull(track.EndedAt);
        Assert.True(track.EndedAt > track.StartedAt);
        // Newest first.
        Assert.Equal(street.Tracks.OrderByDescending(t => t.StartedAt).Select(t => t.Id), street.Tracks.Select(t => t.Id));

        var city = await TracksAsync("admin", 3201);
        Assert.Equal(ours.Worker, Assert.Single(city.Tracks, t => t.Id == ours.Id).WorkerName);
        Assert.Contains(city.Tracks, t => t.Id == theirs.Id);
        Assert.Contains((await TracksAsync("admin", OtherStreet)).Tracks, t => t.Id == theirs.Id);
        Assert.DoesNotContain((await TracksAsync("admin", OtherStreet)).Tracks, t => t.Id == ours.Id);
        if (ChinaTime.DateOf(ours.StartedAt) == ChinaTime.DateOf(DateTime.UtcNow))
            Assert.Contains((await TracksAsync("street", TicketKit.Street, "Today")).Tracks, t => t.Id == ours.Id);

        // The stored record agrees with what the map was given.
        await using var db = app.UnscopedDb();
        var stored = await db.Set<Patrol>().SingleAsync(p => p.Id == ours.Id);
        Assert.Equal(Math.Round(stored.DistanceMeters / 1000, 2), track.Km);
    }

    [Fact]
    public async Task Another_streets_tracks_and_the_citys_answer_404_to_a_street_account()
    {
        var client = await kit.As("street");
        foreach (var other in new long[] { OtherStreet, 320102, 3201, OtherStreet * 1000 + 1 })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/panorama/tracks?unit={other}")).StatusCode);
        // A unit that does not exist, inside the street's range, is not found either.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/panorama/tracks?unit={TicketKit.Street * 1000 + 999}")).StatusCode);
        // A grid worker has no panorama.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await kit.As("grid")).GetAsync($"/api/v1/panorama/tracks?unit={TicketKit.Grid}")).StatusCode);
    }
}
