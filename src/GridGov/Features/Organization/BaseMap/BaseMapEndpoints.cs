using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Organization.BaseMap;

// GET /api/v1/org/basemap   the city's base map: every signed-in user (each page's maps read it)
// PUT /api/v1/org/basemap   change it: org.manage, and a data scope of the whole city (else 403)
static class BaseMapEndpoints
{
    public static void MapBaseMapEndpoints(this RouteGroupBuilder api)
    {
        var map = api.MapGroup("/org/basemap").WithTags("组织");
        map.MapGet("/", async (GetBaseMap u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .WithName("GetBaseMap").WithSummary("查看全市底图设置（瓦片地址、坐标系）");
        map.MapPut("/", async ([FromBody] SaveBaseMapRequest r, SaveBaseMap u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.OrgManage).WithName("SaveBaseMap").WithSummary("修改全市底图设置（仅全市数据范围的账号）");
    }
}
