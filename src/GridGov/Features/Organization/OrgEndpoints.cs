using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GridGov.Features.Organization;

// GET /api/v1/org/roots                       the top units of the caller's scope
// GET /api/v1/org/units/{code}                one unit
// GET /api/v1/org/units/{code}/children       its children, with their child counts
// GET /api/v1/org/units/{code}/path           its parents down from the caller's top
// GET /api/v1/org/units/{code}/counts         units below it, per level
// GET /api/v1/org/units/{code}/children.geojson  its children's boundaries
// GET /api/v1/org/units/{code}/child-stats     communities and grids under each child
// GET /api/v1/org/units/{code}/grid-card      a grid with the units it sits in and its boundary
// GET /api/v1/org/departments?unit=&below=     functional departments (of a unit, or its subtree)
static class OrgEndpoints
{
    public static void MapOrgEndpoints(this RouteGroupBuilder api)
    {
        var org = api.MapGroup("/org").WithTags("组织").RequireAuthorization(Permissions.OrgView);
        org.MapGet("/roots", async (ListOrgRoots roots, CancellationToken ct) => (await roots.HandleAsync(ct)).ToHttp())
            .WithName("ListOrgRoots").WithSummary("列出数据范围内的顶级单位");
        org.MapGet("/units/{code:long}", async (long code, GetOrgUnit unit, CancellationToken ct) => (await unit.HandleAsync(code, ct)).ToHttp())
            .WithName("GetOrgUnit").WithSummary("查看一个单位");
        org.MapGet("/units/{code:long}/children", async (long code, ListOrgChildren children, CancellationToken ct) => (await children.HandleAsync(code, ct)).ToHttp())
            .WithName("ListOrgChildren").WithSummary("列出单位的下级及其下级数");
        org.MapGet("/units/{code:long}/path", async (long code, GetOrgPath path, CancellationToken ct) => (await path.HandleAsync(code, ct)).ToHttp())
            .WithName("GetOrgPath").WithSummary("从顶级单位到该单位的路径");
        org.MapGet("/units/{code:long}/counts", async (long code, GetOrgCounts counts, CancellationToken ct) => (await counts.HandleAsync(code, ct)).ToHttp())
            .WithName("GetOrgCounts").WithSummary("统计单位下各级单位的数量");
        org.MapGet("/departments", async (long? unit, bool? below, ListDepartments departments, CancellationToken ct) =>
                (await departments.HandleAsync(unit, below ?? false, ct)).ToHttp())
            .WithName("ListDepartments").WithSummary("列出职能部门（某单位的，或其辖区内的）");
        org.MapGet("/units/{code:long}/child-stats", async (long code, GetChildStats stats, CancellationToken ct) => (await stats.HandleAsync(code, ct)).ToHttp())
            .WithName("GetOrgChildStats").WithSummary("统计各下级单位的社区数和网格数");
        org.MapGet("/units/{code:long}/grid-card", async (long code, GetGridCard card, CancellationToken ct) => (await card.HandleAsync(code, ct)).ToHttp())
            .WithName("GetGridCard").WithSummary("查看一个网格：所属社区、街道、面积和边界");
        org.MapGet("/units/{code:long}/children.geojson", async (long code, GetChildrenGeoJson geo, CancellationToken ct) => AsGeoJson(await geo.HandleAsync(code, ct)))
            .WithName("GetOrgChildrenGeoJson").WithSummary("下级单位的边界（GeoJSON）");
    }

    // Not through ResultHttp, which answers JSON values: this body is GeoJSON text written as it is stored.
    static Results<ContentHttpResult, NotFound> AsGeoJson(Result<string> r) =>
        r.Value is { } json ? TypedResults.Text(json, "application/geo+json; charset=utf-8") : TypedResults.NotFound();
}
