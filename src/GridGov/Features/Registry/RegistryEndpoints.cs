using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Components;
using GridGov.Features.Registry.Dogs;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Registry.Imports;
using GridGov.Features.Registry.Party;
using GridGov.Features.Registry.People;
using GridGov.Features.Registry.Permits;
using GridGov.Features.Registry.Units;
using GridGov.Infrastructure.Import;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Registry;

// /api/v1/registry: people (masked; unmasking one record is its own audited call) and the import
// pipeline (templates, upload, report, quarantine, corrected file). All within the data scope.
static class RegistryEndpoints
{
    public static void MapRegistryEndpoints(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var g = api.MapGroup("/registry").WithTags("基础信息").RequireAuthorization(Permissions.RegistryView);

        g.MapGet("/people", async ([AsParameters] PeopleQuery q, ListPeople u, CancellationToken ct) => (await u.HandleAsync(q, ct, fromUrl: true)).ToHttp())
            .WithName("ListPeople").WithSummary("实有人口列表（按姓名或地址查找；号码脱敏）");
        // Numbers travel in the body, never in a URL.
        g.MapPost("/people/search", async (PeopleQuery q, ListPeople u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("SearchPeople").WithSummary("查找人员（关键词可为证件号码或电话号码，精确匹配；号码脱敏）");
        g.MapGet("/people/export", async ([AsParameters] PeopleQuery q, ExportPeople u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportPeople").WithSummary("按当前条件导出实有人口（全部页，Excel；号码脱敏）");
        g.MapGet("/people/{id:long}", async (long id, GetPerson u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetPerson").WithSummary("人员详情（号码脱敏）");
        g.MapPost("/people", async (PersonForm f, SavePerson u, CancellationToken ct) => (await u.CreateAsync(f, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit)
            .WithName("CreatePerson").WithSummary("登记人员（人工采集；待核实）：字段按导入模板的规则校验，地址须为本辖区的标准地址");
        g.MapPut("/people/{id:long}", async (long id, PersonForm f, SavePerson u, CancellationToken ct) => (await u.UpdateAsync(id, f, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit)
            .WithName("UpdatePerson").WithSummary("修改人员信息（证件号码、电话留空则不变；带 version 防止覆盖他人的修改）");
        g.MapPost("/people/{id:long}/reveal", async (long id, RevealPerson u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryUnmask)
            .WithName("RevealPerson").WithSummary("查看一人完整的身份证号与电话（需相应权限，逐次记入审计）");

        g.MapGet("/people/{id:long}/classes", async (long id, ListPersonClasses u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("ListPersonClasses").WithSummary("人员的类别记录（特殊人群需“查看特殊人群”权限）");
        g.MapPut("/people/{id:long}/classes/{classKey}", async (long id, string classKey, PersonClassRequest r, SavePersonClass u, CancellationToken ct) =>
                (await u.HandleAsync(id, classKey, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit)
            .WithName("SavePersonClass").WithSummary("登记或修改人员的类别信息（字段按 GB/T 31000 校验，代码可填名称；特殊人群需相应权限）");
        g.MapPost("/people/{id:long}/verification", async (long id, VerifyRequest r, VerifyRecord u, CancellationToken ct) => (await u.PersonAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("VerifyPerson").WithSummary("核实人员：已核实、有误已更正或已迁出/注销");
        g.MapPost("/people/{id:long}/correction", async (long id, PersonCorrection r, CorrectPerson u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("CorrectPerson").WithSummary("入户核实发现有误：更正联系电话、职业或服务处所，并记为有误已更正");
        g.MapPost("/addresses/{id:long}/verification", async (long id, VerifyRequest r, VerifyRecord u, CancellationToken ct) => (await u.AddressAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("VerifyAddress").WithSummary("核实标准地址");
        g.MapPost("/houses/{id:long}/verification", async (long id, VerifyRequest r, VerifyRecord u, CancellationToken ct) => (await u.HouseAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("VerifyHouse").WithSummary("核实房屋");
        g.MapPost("/{part:regex(^(units|dogs|components|permits)$)}/{id:long}/verification", async (string part, long id, VerifyRequest r, VerifyRecord u, CancellationToken ct) =>
                (await u.PartAsync(part, id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit).WithName("VerifyRegistryRecord").WithSummary("核实单位、犬只、部件或居住证");
        g.MapGet("/pending", async (VerifyRecord u, CancellationToken ct) => (await u.PendingAsync(ct)).ToHttp())
            .WithName("CountPendingRecords").WithSummary("本辖区待核实的人员、地址、房屋、单位数");

        g.MapGet("/addresses", async (long? community, long? parent, ListAddresses u, CancellationToken ct) => (await u.HandleAsync(community, parent, ct)).ToHttp())
            .WithName("ListAddresses").WithSummary("标准地址树：社区下的街路巷/小区（community），或某地址的下一级（parent）");
        g.MapGet("/addresses/{id:long}", async (long id, GetAddress u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetAddress").WithSummary("标准地址详情：位置、网格、房屋与住户（号码脱敏）");
        g.MapPut("/addresses/{id:long}/building-head", async (long id, BuildingHeadRequest r, SetBuildingHead u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit)
            .WithName("SetBuildingHead").WithSummary("设置或清除楼栋的楼栋长（personId 为空则清除）");
        g.MapPost("/addresses", async (NewAddress r, AddAddress u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit)
            .WithName("AddAddress").WithSummary("新增标准地址：社区下的小区或街路巷（须指定网格），或某地址的下一级（楼栋、单元、户室）");
        g.MapPut("/addresses/{id:long}/house", async (long id, Houses.HouseForm f, Houses.SaveHouse u, CancellationToken ct) => (await u.HandleAsync(id, f, ct)).ToHttp())
            .RequireAuthorization(Permissions.RegistryEdit)
            .WithName("SaveHouse").WithSummary("登记或修改户室地址上的房屋（用途、面积、出租信息；群租按人数与面积判定）");
        g.MapGet("/addresses/plates.pdf", async (long community, long? under, HttpRequest request, PrintPlates u, CancellationToken ct) =>
                await u.HandleAsync(community, under, request, ct))
            .WithName("PrintAddressPlates").WithSummary("打印社区（或某楼栋、小区）的门牌二维码（PDF，每页 24 个）")
            .Produces(200, contentType: "application/pdf").ProducesProblem(503);

        g.MapUnits();
        g.MapDogs();
        g.MapPermits();
        g.MapComponents();
        g.MapFocus();
        g.MapParty();

        var imports = g.MapGroup("/imports").RequireAuthorization(Permissions.RegistryImport);
        imports.MapGet("/templates/{target}", (string target, ImportStaging staging) =>
                staging.Target(target) is { } t ? ImportTemplates.File(t) : TypedResults.NotFound())
            .WithName("DownloadImportTemplate").WithSummary("下载导入模板（XLSX，含填写说明）");
        imports.MapPost("/{target}", async (string target, IFormFile file, [FromForm] string? sourceSystem, ImportStaging staging, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return (await staging.StageAsync(target, file.FileName, stream, sourceSystem, ct)).ToHttp();
            }).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportFiles.MaxBytes + 1024 * 1024))
            .WithName("StartImport").WithSummary("上传导入文件（multipart 字段 file；XLSX 或 UTF-8/GB18030 编码的 CSV），排队导入");
        imports.MapGet("", async (int? page, int? pageSize, ImportReports u, CancellationToken ct) => (await u.ListAsync(page ?? 1, pageSize ?? 20, ct)).ToHttp())
            .WithName("ListImports").WithSummary("导入批次列表");
        imports.MapGet("/{id:long}", async (long id, ImportReports u, CancellationToken ct) => (await u.GetAsync(id, ct)).ToHttp())
            .WithName("GetImport").WithSummary("导入批次的进度与结果");
        imports.MapGet("/{id:long}/issues", async (long id, int? page, int? pageSize, ImportReports u, CancellationToken ct) =>
                (await u.IssuesAsync(id, page ?? 1, pageSize ?? 50, ct)).ToHttp())
            .WithName("ListImportIssues").WithSummary("未通过的行：行号、字段、原因");
        imports.MapGet("/{id:long}/corrections", async (long id, ImportReports u, CancellationToken ct) => await u.CorrectionsAsync(id, ct))
            .WithName("DownloadImportCorrections").WithSummary("下载未通过的行（附错误原因），修改后可重新导入");
    }
}
