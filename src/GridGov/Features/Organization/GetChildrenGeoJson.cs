using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;

namespace GridGov.Features.Organization;

// A unit's children as a GeoJSON FeatureCollection (already serialized: boundaries are stored as GeoJSON).
public sealed class GetChildrenGeoJson(GridDbContext db)
{
    public async Task<Result<string>> HandleAsync(long code, CancellationToken ct = default) =>
        await OrgQueries.ChildrenGeoJsonAsync(db, code, ct) is { } json ? Result<string>.Ok(json) : Result<string>.NotFound();
}
