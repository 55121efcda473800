using System.Text.Json;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Organization;

// Boundary is GeoJSON geometry (WGS84) or null when the grid has none.
public sealed record GridCard(long Code, string Name, string? Community, string? Street, string? District, double AreaKm2, JsonElement? Boundary);

// One grid as its worker's workbench shows it: where it sits and how it is shaped. The grid must be in
// the caller's scope; the names of the units above it come from Places (names are no secret), so a
// grid worker, whose scope is the grid alone, still reads which community and street it belongs to.
public sealed class GetGridCard(GridDbContext db, Places places)
{
    public async Task<Result<GridCard>> HandleAsync(long code, CancellationToken ct = default)
    {
        var grid = await db.OrgUnits.AsNoTracking().Where(u => u.Code == code && u.Level == OrgLevel.Grid)
            .Select(u => new { u.Code, u.Name, u.AreaKm2, u.Boundary }).FirstOrDefaultAsync(ct);
        if (grid is null) return Result<GridCard>.NotFound();
        var path = await places.PathAsync(code, ct);
        string? Above(OrgLevel level) => path.FirstOrDefault(p => p.Level == level)?.Name;
        return Result<GridCard>.Ok(new(grid.Code, grid.Name, Above(OrgLevel.Community), Above(OrgLevel.Street), Above(OrgLevel.District),
            Math.Round(grid.AreaKm2, 3), grid.Boundary is null ? null : JsonDocument.Parse(grid.Boundary).RootElement.Clone()));
    }
}
