using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Features.Organization;

// GET /api/v1/org/roots                       the top units of the caller's scope
// GET /api/v1/org/units/{code}                one unit
// GET /api/v1/org/units/{code}/children       its children, with their child counts
// GET /api/v1/org/units/{code}/path           its parents down from the caller's top
// GET /api/v1/org/units/{code}/counts         units below it, per level
// GET /api/v1/org/units/{code}/children.geojson  its children's boundaries
// GET /api/v1/org/units/{code}/child-stats     communities and grids under each child
// GET /api/v1/org/departments?unit=&below=     functional departments (of a unit, or its subtree)
static class OrgEndpoints
{
    public static void MapOrgEndpoints(this RouteGroupBuilder api)
    {
        var org = api.MapGroup("/org").WithTags("组织").RequireAuthorization(Permissions.OrgView);
        org.MapGet("/roots", async (GridDbContext db, CancellationToken ct) => TypedResults.Ok(await OrgQueries.RootsAsync(db, ct)));
        org.MapGet("/units/{code:long}", async Task<Results<Ok<OrgUnitDto>, NotFound>> (long code, GridDbContext db, CancellationToken ct) =>
            await OrgQueries.GetAsync(db, code, ct) is { } u ? TypedResults.Ok(u) : TypedResults.NotFound());
        org.MapGet("/units/{code:long}/children", async Task<Results<Ok<List<OrgUnitDto>>, NotFound>> (long code, GridDbContext db, CancellationToken ct) =>
            await OrgQueries.GetAsync(db, code, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await OrgQueries.ChildrenAsync(db, code, ct)));
        org.MapGet("/units/{code:long}/path", async Task<Results<Ok<List<OrgUnitDto>>, NotFound>> (long code, GridDbContext db, CancellationToken ct) =>
            await OrgQueries.PathAsync(db, code, ct) is { Count: > 0 } p ? TypedResults.Ok(p) : TypedResults.NotFound());
        org.MapGet("/units/{code:long}/counts", async Task<Results<Ok<OrgCounts>, NotFound>> (long code, GridDbContext db, CancellationToken ct) =>
            await OrgQueries.CountsAsync(db, code, ct) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound());
        org.MapGet("/departments", async (long? unit, bool? below, GridDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await Departments.ListAsync(db, unit, below ?? false, ct)));
        org.MapGet("/units/{code:long}/child-stats", async Task<Results<Ok<List<ChildStat>>, NotFound>> (long code, GridDbContext db, CancellationToken ct) =>
            await OrgQueries.GetAsync(db, code, ct) is null ? TypedResults.NotFound() : TypedResults.Ok(await ChildStats.OfAsync(db, code, ct)));
        org.MapGet("/units/{code:long}/children.geojson", async Task<Results<ContentHttpResult, NotFound>> (long code, GridDbContext db, CancellationToken ct) =>
            await OrgQueries.ChildrenGeoJsonAsync(db, code, ct) is { } json
                ? TypedResults.Text(json, "application/geo+json; charset=utf-8") : TypedResults.NotFound());
    }
}
