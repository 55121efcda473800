using GridGov.Features.Tickets.Dispatching;
using GridGov.Features.Tickets.Duplicates;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using GridGov.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Tickets;

// The tickets' route table (the settings' routes are in TicketSettingsEndpoints): each route runs
// its use case and answers with its Result (ResultHttp).
static class TicketEndpoints
{
    public static void MapTicketEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tickets").WithTags("工单").RequireAuthorization(Permissions.TicketsAny);
        // ?queue=&category=&area=&source=&from=&to=&keyword=&page=&pageSize=
        g.MapGet("/", async ([AsParameters] TicketQuery q, ListTickets u, CancellationToken ct) => (await u.HandleAsync(q, ct)).ToHttp())
            .WithName("ListTickets").WithSummary("按队列和条件分页查询工单");
        // The same query as the list; every page of it, as an XLSX file.
        g.MapGet("/export", async ([AsParameters] TicketQuery q, ExportTickets u, CancellationToken ct) => await u.HandleAsync(q, ct))
            .WithName("ExportTickets").WithSummary("按当前条件导出工单（全部页，Excel）")
            .Produces(200, contentType: Infrastructure.Export.XlsxExport.ContentType).ProducesValidationProblem();
        g.MapGet("/find", async (string? number, FindTicket u, CancellationToken ct) => (await u.HandleAsync(number, ct)).ToHttp())
            .WithName("FindTicket").WithSummary("按工单编号查找本人可查看的工单");
        g.MapGet("/counts", async (long? area, CountTickets u, CancellationToken ct) => (await u.HandleAsync(area, ct)).ToHttp())
            .WithName("CountTickets").WithSummary("各队列待办工单数");
        g.MapGet("/flow", () => Result<IReadOnlyList<Transition>>.Ok(TicketFlow.Table).ToHttp())
            .WithName("GetTicketFlow").WithSummary("工单流转表（状态、操作、权限）");
        g.MapTicketSettingsEndpoints();
        // Idempotent by clientRequestId: a retry answers 200 with the ticket the first one created.
        g.MapPost("/", async ([FromBody] CreateTicketRequest r, CreateTicket u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.TicketsReport).WithName("ReportTicket").WithSummary("上报事件");
        g.MapGet("/{id:long}", async (long id, GetTicket u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("GetTicket").WithSummary("工单详情、时间线和可执行的操作");
        g.MapPost("/{id:long}/actions/{action}", async Task<Results<Ok<TicketDetail>, Created<TicketDetail>, NotFound, ProblemHttpResult, ValidationProblem>> (
            long id, string action, [FromBody] TicketActionRequest r, ExecuteTicketAction u, CancellationToken ct) =>
        {
            if (!Enum.TryParse<TicketAction>(action, ignoreCase: true, out var a) || int.TryParse(action, out _))
                return TypedResults.Problem($"未知操作“{action}”", statusCode: 400, title: "未知操作");
            return (await u.HandleAsync(id, a, r, ct)).ToHttp();
        }).WithName("ExecuteTicketAction").WithSummary("执行工单操作（受理、派遣、反馈、核查、结案等）");
        g.MapPost("/similar", async (DraftReport r, FindSimilarToDraft u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .RequireAuthorization(Permissions.TicketsReport).WithName("FindSimilarToDraft").WithSummary("上报前查找附近可能相同的未办结事件（已有人上报？）");
        g.MapGet("/{id:long}/candidates", async (long id, FindDuplicateCandidates u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("ListDuplicateCandidates").WithSummary("疑似重复工单（含相似度和理由）");
        // No good guess: 204.
        g.MapGet("/{id:long}/suggestion", async Task<Results<NoContent, Results<Ok<DepartmentSuggestion?>, Created<DepartmentSuggestion?>, NotFound, ProblemHttpResult, ValidationProblem>>> (
            long id, SuggestDepartment u, CancellationToken ct) =>
        {
            var r = await u.HandleAsync(id, ct);
            return r is { Kind: ResultKind.Ok, Value: null } ? TypedResults.NoContent() : r.ToHttp();
        }).WithName("SuggestDepartment").WithSummary("建议派往的部门");
        g.MapGet("/{id:long}/sheet.pdf", async (long id, HttpRequest request, Printing.PrintTicketSheet u, CancellationToken ct) => await u.HandleAsync(id, request, ct))
            .WithName("PrintTicketSheet").WithSummary("打印事件办理单（一页 PDF）")
            .Produces(200, contentType: Printing.PrintTicketSheet.ContentType).ProducesProblem(503);
        g.MapGet("/{id:long}/photos/{photo}", async (long id, string photo, GetTicketPhoto u, HttpResponse response, CancellationToken ct) =>
            File(await u.HandleAsync(id, photo, ct), response))
            .WithName("GetTicketPhoto").WithSummary("工单照片");

        api.MapPost("/files/photos", async (IFormFile file, UploadPhoto u, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            return (await u.HandleAsync(stream, file.FileName, ct)).ToHttp();
        }).WithTags("工单").RequireAuthorization(Permissions.TicketsAny).DisableAntiforgery()
          .WithMetadata(new RequestSizeLimitAttribute(FileStore.MaxPhotoBytes + 64 * 1024))
          .RequireRateLimiting(SecuritySetup.PhotoRateLimit)
          .WithName("UploadPhoto").WithSummary("上传一张照片（multipart 字段 file），返回其编号");
    }

    // A photo answers as a file, with ranges and its content hash as the entity tag.
    // The type is the one the store recognised, never sniffed: nosniff, and a sandbox in case a
    // browser opens it as a document anyway.
    static Results<FileStreamHttpResult, NotFound> File(Result<TicketPhoto> r, HttpResponse response)
    {
        if (r.Value is null) return TypedResults.NotFound();
        response.Headers.XContentTypeOptions = "nosniff";
        Infrastructure.Web.SecurityHeaders.Sandbox(response.HttpContext);
        return File(r);
    }

    static Results<FileStreamHttpResult, NotFound> File(Result<TicketPhoto> r) => r.Value is { } p
        ? TypedResults.File(p.Open(), p.ContentType, enableRangeProcessing: true, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{p.Id}\""))
        : TypedResults.NotFound();
}
