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

// Patrol coverage and tracks for the community's map (the rest of PatrolTests).
public sealed partial class PatrolTests
{
    [Fact]
    public async Task Coverage_counts_the_patrols_and_the_50_m_cells_walked_in_each_grid()
    {
        var grid = await GridOfAsync(RegistryKit.Community, 2);
        var (c, _) = await WorkerAsync(grid);
        var shape = await ShapeAsync(grid);
        var centre = shape.InteriorPoint;
        // Three points inside the grid, at least 120 m apart: three different cells.
        var inside = new List<Coordinate>();
        foreach (var (dx, dy) in new[] { (0, 0), (0, 3), (3, 0), (0, -3), (-3, 0), (3, 3), (-3, -3), (3, -3), (-3, 3), (0, 6), (6, 0), (0, -6), (-6, 0) })
        {
            var q = new Coordinate(centre.X + dx * Step, centre.Y + dy * Step);
            if (shape.Contains(new NetTopologySuite.Geometries.Point(q)) && inside.All(o => TrackMath.Meters(o.X, o.Y, q.X, q.Y) > 120)) inside.Add(q);
            if (inside.Count == 3) break;
        }
        Assert.Equal(3, inside.Count);

        // Yesterday (China time) when it can be, so that the day holds only this patrol.
        var t0 = DateTime.UtcNow.AddHours(-23).AddMinutes(-50);
        var day = ChinaTime.DateOf(t0).ToString("yyyy-MM-dd");
        var director = await kit.As("community");
        var url = $"/api/v1/terminal/patrols/coverage?unit={RegistryKit.Community}&from={day}&to={day}";
        var before = (await director.GetFromJsonAsync<PatrolCoverage>(url, RegistryKit.Json))!.Grids.Single(g => g.GridCode == grid);

        var patrol = await StartAsync(c, t0);
        // Slow steps (a minute each), and twice in the first cell.
        await PointsAsync(c, patrol.Id, [.. inside.Select((q, i) => Point(t0.AddMinutes(i * 3 + 1), q.X, q.Y)), Point(t0.AddMinutes(10), inside[0].X + 0.00001, inside[0].Y)]);
        Assert.Equal(HttpStatusCode.OK, (await c.PostAsJsonAsync($"/api/v1/terminal/patrols/{patrol.Id}/end", new { clientEndedAt = t0.AddMinutes(12).ToString("O") })).StatusCode);

        var coverage = (await director.GetFromJsonAsync<PatrolCoverage>(url, RegistryKit.Json))!;
        Assert.Equal(GetPatrolCoverage.CellMeters, coverage.CellMeters);
        var after = coverage.Grids.Single(g => g.GridCode == grid);
        Assert.Equal(before.Patrols + 1, after.Patrols);
        Assert.False(after.Uncovered);
        Assert.True(after.Cells > 3);
        if (before.CellsVisited == 0) Assert.Equal(3, after.CellsVisited);
        else Assert.InRange(after.CellsVisited, before.CellsVisited, before.CellsVisited + 3);
        Assert.Equal(Math.Round((double)after.CellsVisited / after.Cells, 4), after.Share);
        Assert.NotNull(after.LastPatrolAt);
        // A grid no one patrolled that day is uncovered; every grid of the community is listed.
        Assert.All(coverage.Grids, g => Assert.Equal(g.Patrols == 0, g.Uncovered));
        await using (var db = app.UnscopedDb())
        {
            var (from, to) = OrgCode.Subtree(RegistryKit.Community);
            Assert.Equal(await db.OrgUnits.CountAsync(u => u.Level == OrgLevel.Grid && u.Code >= from && u.Code <= to), coverage.Grids.Count);
        }
        // Only those who lead grid work see coverage; a unit outside the area is 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await director.GetAsync($"/api/v1/terminal/patrols/coverage?unit={OtherCommunity}")).StatusCode);

        // The track for the map: the patrol's points in time order.
        var tracks = (await director.GetFromJsonAsync<PatrolTracks>($"/api/v1/terminal/patrols/tracks?unit={RegistryKit.Community}&from={day}&to={day}", RegistryKit.Json))!;
        var track = Assert.Single(tracks.Tracks, t => t.Id == patrol.Id);
        Assert.Equal(4, track.Line.Count);
        Assert.Equal(inside[0].X, track.Line[0][0], 6);
    }
}
