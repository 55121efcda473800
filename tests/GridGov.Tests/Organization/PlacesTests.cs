using GridGov.Features.Organization;
using GridGov.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.Tests.Organization;

// What every area asks of the tree: a point's grid, the grids near it, a unit's name, path and
// outline — for the whole city, from the imported Nanjing.
[Collection(NanjingCollection.Name)]
public sealed class PlacesTests(GridGovApp app)
{
    const long Grid = 320102002001001;

    [Fact]
    public async Task A_point_inside_a_grid_finds_that_grid_its_neighbours_its_names_and_its_outline()
    {
        var places = app.Services.GetRequiredService<Places>();
        await using var db = app.UnscopedDb();
        var unit = await db.OrgUnits.SingleAsync(u => u.Code == Grid);

        Assert.Equal(Grid, await places.GridAtAsync(unit.LabelLon, unit.LabelLat));
        Assert.Null(await places.GridAtAsync(0, 0));
        Assert.Contains(Grid, await places.GridsNearAsync(unit.LabelLon - 0.001, unit.LabelLat - 0.001, unit.LabelLon + 0.001, unit.LabelLat + 0.001));
        Assert.Equal(unit.Name, await places.NameAsync(Grid));

        var path = await places.PathAsync(Grid);
        Assert.Equal([3201L, 320102, 320102002, 320102002001, Grid], path.Select(p => p.Code));
        Assert.Equal(["南京市", "玄武区"], path.Take(2).Select(p => p.Name));
        Assert.Equal(OrgLevel.Grid, path[^1].Level);

        Assert.Equal(unit.Boundary, await places.BoundaryAsync(Grid));
        Assert.Null(await places.BoundaryAsync(999));
    }
}
