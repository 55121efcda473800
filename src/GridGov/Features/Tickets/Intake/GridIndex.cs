using System.Text.Json;
using GridGov.Features.Audit;
using GridGov.Features.Organization;
using GridGov.Features.Organization.Import;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Spatial;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Features.Tickets.Intake;

// The spatial index over every grid of every city, built on first use and dropped after an import.
// Intake asks it which grid a reported point lies in: about a microsecond, no database round trip.
public sealed class GridIndex(GridDatabase database)
{
    readonly SemaphoreSlim gate = new(1, 1);
    volatile GridLocator? locator;

    public async ValueTask<GridLocator> GetAsync(CancellationToken ct = default)
    {
        if (locator is { } ready) return ready;
        await gate.WaitAsync(ct);
        try
        {
            if (locator is { } built) return built;
            // Every grid, whoever asks: which grid a point is in is not a secret, and the index is shared.
            await using var db = database.CreateUnscoped(AuditActor.System);
            var rows = await db.OrgUnits.Where(u => u.Level == OrgLevel.Grid && u.Boundary != null)
                .Select(u => new { u.Code, u.Boundary }).ToListAsync(ct);
            var grids = rows.Select(r => (r.Code, JsonSerializer.Deserialize<Geometry>(r.Boundary!, BoundaryFile.GeoJson)!));
            return locator = new GridLocator(grids);
        }
        finally { gate.Release(); }
    }

    public void Invalidate() => locator = null;
}
