using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Terminal.Home;
using GridGov.Features.Terminal.Patrols;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.UseCases;
using GridGov.Tests.Infrastructure;
using GridGov.Tests.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace GridGov.Tests.Terminal;

// 网格巡查 through the API: a patrol's totals are its track's, one runs at a time, only its worker
// writes it, those outside the area cannot read it, a resent batch is stored once, coverage counts cells.
[Collection(NanjingCollection.Name)]
public sealed partial class PatrolTests(GridGovApp app)
{
    const string Password = "Patrol-test-9k";
    const long OtherCommunity = 320102002002;
    // 0.00045° of latitude is about 50 m.
    const double Step = 0.00045;
    readonly RegistryKit kit = new(app);

    async Task<long> GridOfAsync(long community, int nth)
    {
        await using var db = app.UnscopedDb();
        var (from, to) = OrgCode.Subtree(community);
        return await db.OrgUnits.Where(u => u.Code >= from && u.Code <= to && u.Level == OrgLevel.Grid)
            .OrderBy(u => u.Code).Select(u => u.Code).Skip(nth).FirstAsync();
    }

    // A fresh grid worker of the grid: each test its own, so that running patrols do not meet.
    async Task<(HttpClient Client, long Id)> WorkerAsync(long grid)
    {
        var admin = await kit.As("admin");
        var name = "pt_" + Guid.NewGuid().ToString("N")[..8];
        var r = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "巡查" + name[3..7], orgUnitCode = grid, dataScope = "UnitAndBelow", roles = new[] { "grid_worker" }, password = Password });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var id = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetInt64();
        return (await app.ClientForAsync(name, Password), id);
    }

    async Task<Geometry> ShapeAsync(long grid) => (await app.Services.GetRequiredService<Places>().ShapeAsync(grid))!;

    static object Point(DateTime at, double lon, double lat, double? accuracy = 10, long? addressId = null) =>
        new { at = at.ToString("O"), lon, lat, accuracy, addressId };

    static async Task<PatrolRow> StartAsync(HttpClient c, DateTime? at = null)
    {
        var r = await c.PostAsJsonAsync("/api/v1/terminal/patrols", new { clientStartedAt = at?.ToString("O") });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<PatrolRow>(RegistryKit.Json))!;
    }

    static async Task<PointsAdded> PointsAsync(HttpClient c, long id, params object[] points)
    {
        var r = await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{id}/points", new { points });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<PointsAdded>(RegistryKit.Json))!;
    }

    [Fact]
    public async Task Start_points_and_end_give_the_tracks_distance_duration_points_and_scans()
    {
        var grid = await GridOfAsync(RegistryKit.Community, 0);
        var (c, me) = await WorkerAsync(grid);
        var p = (await ShapeAsync(grid)).InteriorPoint;
        long address;
        await using (var db = app.UnscopedDb())
            address = await db.Set<Address>().Where(a => a.GridCode == grid).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var t0 = DateTime.UtcNow.AddMinutes(-10);
        var started = await StartAsync(c, t0);
        Assert.Equal(grid, started.GridCode);
        Assert.True(started.Running);
        Assert.Equal(me, started.WorkerId);

        // Two steps of 50 m a minute apart; then a jump of 5 km in 30 s and back: not walked, not counted.
        var added = await PointsAsync(c, started.Id,
            Point(t0.AddMinutes(1), p.X, p.Y),
            Point(t0.AddMinutes(2), p.X, p.Y + Step, addressId: address),
            Point(t0.AddMinutes(3), p.X, p.Y + 2 * Step),
            Point(t0.AddMinutes(3.5), p.X, p.Y + 0.045),
            Point(t0.AddMinutes(4), p.X, p.Y + 3 * Step),
            Point(t0.AddMinutes(5), p.X, p.Y, accuracy: 500),
            Point(t0.AddMinutes(5), 999, p.Y),
            Point(t0.AddMinutes(-30), p.X, p.Y));
        Assert.Equal(5, added.Added);
        Assert.Equal(3, added.Dropped);
        Assert.Contains("已舍弃 3 个轨迹点", added.Message);
        Assert.Contains("200 米", added.Message);
        Assert.Equal(5, added.PointCount);
        Assert.InRange(added.DistanceMeters, 99.5, 100.5);
        Assert.Equal(1, added.ScanCount);

        var end = await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{started.Id}/end", new { note = "沿主路巡查" });
        Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        // A point recorded before the end arrives late (an offline phone): still the patrol's. After the end: not.
        var late = await PointsAsync(c, started.Id, Point(t0.AddMinutes(6), p.X + Step, p.Y + 3 * Step), Point(DateTime.UtcNow.AddMinutes(5), p.X, p.Y));
        Assert.Equal(1, late.Added);
        Assert.Equal(1, late.Dropped);
        Assert.Contains("时间不在巡查期间", late.Message);

        var detail = (await c.GetFromJsonAsync<PatrolDetail>($"/api/v1/terminal/patrols/{started.Id}", RegistryKit.Json))!;
        Assert.False(detail.Patrol.Running);
        Assert.Equal(6, detail.Patrol.PointCount);
        Assert.Equal(6, detail.Points.Count);
        Assert.Equal(detail.Points.OrderBy(x => x.At).Select(x => x.At), detail.Points.Select(x => x.At));
        // 100 m, plus 50 m × cos(latitude) east for the late point.
        var east = TrackMath.Meters(p.X, p.Y + 3 * Step, p.X + Step, p.Y + 3 * Step);
        Assert.InRange(detail.Patrol.DistanceMeters, 99.5 + east, 100.5 + east);
        Assert.InRange(detail.Patrol.DurationSeconds, 595, 630);
        Assert.Equal("沿主路巡查", detail.Note);
        var scan = Assert.Single(detail.Scans);
        Assert.Equal(address, scan.AddressId);
        Assert.False(string.IsNullOrEmpty(scan.Name));

        // The stored record says the same, and the batch is one audit summary, not a record per point.
        await using var check = app.UnscopedDb();
        var stored = await check.Set<Patrol>().SingleAsync(x => x.Id == started.Id);
        Assert.Equal(6, stored.PointCount);
        Assert.Equal(6, await check.Set<PatrolPoint>().CountAsync(x => x.PatrolId == started.Id));
        Assert.Equal(2, await check.AuditRecords.CountAsync(a => a.EntityType == nameof(Patrol) && a.EntityKey == started.Id.ToString() && a.Action == AddPatrolPoints.Action));
        Assert.Equal(0, await check.AuditRecords.CountAsync(a => a.EntityType == nameof(PatrolPoint)));

        // A second end is refused in Chinese.
        var again = await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{started.Id}/end", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已于", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_start_is_refused_with_the_running_patrol_and_the_work_list_expects_a_daily_patrol()
    {
        var (c, _) = await WorkerAsync(await GridOfAsync(RegistryKit.Community, 1));
        WorkItem Patrol(WorkList l) => l.Items.Single(i => i.Kind == "patrol");
        var before = Patrol((await c.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!);
        Assert.Equal((1, 0, 0, "/m/patrol", "巡查"), (before.Pending, before.Overdue, before.DoneToday, before.Link, before.Title));

        var first = await StartAsync(c);
        var second = await c.PostAsJsonAsync("/api/v1/terminal/patrols", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.Id, problem.GetProperty("patrolId").GetInt64());
        Assert.Contains("尚未结束", problem.GetProperty("detail").GetString());
        var mine = (await c.GetFromJsonAsync<MyPatrols>("/api/v1/terminal/patrols/current", RegistryKit.Json))!;
        Assert.Equal(first.Id, mine.Running!.Id);
        var running = Patrol((await c.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!);
        Assert.Equal((0, 0), (running.Pending, running.DoneToday));

        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{first.Id}/end", new { })).StatusCode);
        var done = Patrol((await c.GetFromJsonAsync<WorkList>("/api/v1/terminal/worklist", RegistryKit.Json))!);
        Assert.Equal((0, 1), (done.Pending, done.DoneToday));
        Assert.Null((await c.GetFromJsonAsync<MyPatrols>("/api/v1/terminal/patrols/current", RegistryKit.Json))!.Running);
        await StartAsync(c);

        // A start from the future is refused, even while one runs; a street leader does no field work.
        var late = await c.PostAsJsonAsync("/api/v1/terminal/patrols", new { clientStartedAt = DateTime.UtcNow.AddHours(2).ToString("O") });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("开始时间不能晚于当前时间", await late.Content.ReadAsStringAsync());
        var admin = await kit.As("admin");
        var name = "pl_" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, displayName = "街道" + name[3..7], orgUnitCode = 320102002, dataScope = "UnitAndBelow", roles = new[] { "street_leader" }, password = Password })).StatusCode);
        var leader = await app.ClientForAsync(name, Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync("/api/v1/terminal/patrols", new { gridCode = await GridOfAsync(RegistryKit.Community, 1) })).StatusCode);
    }

    [Fact]
    public async Task Only_the_worker_writes_a_patrol_and_nobody_outside_the_area_reads_it()
    {
        var grid = await GridOfAsync(RegistryKit.Community, 0);
        var (owner, _) = await WorkerAsync(grid);
        var (sameGrid, _) = await WorkerAsync(grid);
        var (elsewhere, _) = await WorkerAsync(await GridOfAsync(OtherCommunity, 0));
        var p = (await ShapeAsync(grid)).InteriorPoint;
        var patrol = await StartAsync(owner);
        await PointsAsync(owner, patrol.Id, Point(DateTime.UtcNow, p.X, p.Y));

        foreach (var other in new[] { sameGrid, elsewhere })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/terminal/patrols/{patrol.Id}/points", new { points = new[] { Point(DateTime.UtcNow, p.X, p.Y) } })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/terminal/patrols/{patrol.Id}/end", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/terminal/patrols/{patrol.Id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/terminal/patrols?unit={RegistryKit.Community}")).StatusCode);
        // The other community's director: 404; this community's: the patrol, in the list too.
        var director = await kit.As("community");
        var detail = (await director.GetFromJsonAsync<PatrolDetail>($"/api/v1/terminal/patrols/{patrol.Id}", RegistryKit.Json))!;
        Assert.Single(detail.Points);
        var list = (await director.GetFromJsonAsync<PagedResult<PatrolRow>>($"/api/v1/terminal/patrols?unit={RegistryKit.Community}", RegistryKit.Json))!;
        var row = Assert.Single(list.Items, r => r.Id == patrol.Id);
        Assert.Equal(grid, row.GridCode);
        Assert.False(string.IsNullOrEmpty(row.GridName));
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/terminal/patrols?unit={OtherCommunity}")).StatusCode);
        // A worker's list holds only their own patrols.
        var own = (await sameGrid.GetFromJsonAsync<PagedResult<PatrolRow>>("/api/v1/terminal/patrols", RegistryKit.Json))!;
        Assert.DoesNotContain(own.Items, r => r.Id == patrol.Id);
        // Nothing of it was written by the others.
        await using var db = app.UnscopedDb();
        Assert.Equal(1, await db.Set<PatrolPoint>().CountAsync(x => x.PatrolId == patrol.Id));
        Assert.Null((await db.Set<Patrol>().SingleAsync(x => x.Id == patrol.Id)).EndedAt);

        var export = await director.GetAsync($"/api/v1/terminal/patrols/export?unit={RegistryKit.Community}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_same_batch_sent_twice_with_one_client_id_is_stored_once()
    {
        var grid = await GridOfAsync(RegistryKit.Community, 0);
        var (c, _) = await WorkerAsync(grid);
        var p = (await ShapeAsync(grid)).InteriorPoint;
        var patrol = await StartAsync(c, DateTime.UtcNow.AddMinutes(-5));
        var t = DateTime.UtcNow.AddMinutes(-4);
        var body = new { points = new[] { Point(t, p.X, p.Y), Point(t.AddSeconds(30), p.X, p.Y + Step / 5), Point(t.AddSeconds(60), p.X, p.Y + 2 * Step / 5) } };
        var key = Guid.NewGuid().ToString("N");
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/terminal/patrols/{patrol.Id}/points") { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Client-Id", key);
            return await c.SendAsync(request);
        }
        var first = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(3, (await first.Content.ReadFromJsonAsync<PointsAdded>(RegistryKit.Json))!.Added);
        var second = await SendAsync();
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        // The same points under a new client id (a phone that lost track of what it sent): not stored again either.
        var resent = await PointsAsync(c, patrol.Id, body.points);
        Assert.Equal((0, 3), (resent.Added, resent.Repeated));

        await using var db = app.UnscopedDb();
        Assert.Equal(3, await db.Set<PatrolPoint>().CountAsync(x => x.PatrolId == patrol.Id));
        Assert.Equal(3, (await db.Set<Patrol>().SingleAsync(x => x.Id == patrol.Id)).PointCount);
        Assert.Equal(1, await db.AuditRecords.CountAsync(a => a.EntityType == nameof(Patrol) && a.EntityKey == patrol.Id.ToString() && a.Action == AddPatrolPoints.Action));
    }
}
