using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Features.Tickets.Intake;

// The spatial index over every grid of every city, and the names of all units, built on first use
// and dropped after an import. Intake asks it which grid a reported point lies in (about a
// microsecond), which grids are near it, and what the grid and its centre are called: no database
// round trip.
public sealed class GridIndex(GridDatabase database)
{
    readonly SemaphoreSlim gate = new(1, 1);
    volatile Loaded? loaded;

    sealed record Loaded(GridLocator Locator, Dictionary<long, string> Names);

    public async ValueTask<GridLocator> GetAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Locator;

    public async ValueTask<string?> NameOfAsync(long code, CancellationToken ct = default) =>
        (await LoadAsync(ct)).Names.GetValueOrDefault(code);

    async ValueTask<Loaded> LoadAsync(CancellationToken ct)
    {
        if (loaded is { } ready) return ready;
        await gate.WaitAsync(ct);
        try
        {
            if (loaded is { } built) return built;
            // Every grid, whoever asks: which grid a point is in is not a secret, and the index is shared.
            await using var db = database.CreateUnscoped(AuditActor.System);
            var rows = await db.OrgUnits.Where(u => u.Level == OrgLevel.Grid && u.Boundary != null)
                .Select(u => new { u.Code, u.Boundary }).ToListAsync(ct);
            var grids = rows.Select(r => (r.Code, JsonSerializer.Deserialize<Geometry>(r.Boundary!, BoundaryFile.GeoJson)!));
            var names = await db.OrgUnits.Select(u => new { u.Code, u.Name }).ToDictionaryAsync(u => u.Code, u => u.Name, ct);
            return loaded = new(new GridLocator(grids), names);
        }
        finally { gate.Release(); }
    }

    public void Invalidate() => loaded = null;
}
