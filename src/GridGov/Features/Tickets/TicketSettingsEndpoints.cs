using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Dispatching;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.AspNetCore.Mvc;

namespace GridGov.Features.Tickets;

// The routes of the tickets' settings, under /api/v1/tickets: event classes (everyone reads them),
// dispatch rules (in the order they are tried; a rule moves by changing its Order) and the working
// calendar. Changing any of them needs tickets.configure.
static class TicketSettingsEndpoints
{
    public static void MapTicketSettingsEndpoints(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/categories", async (ListCategories u) => (await u.HandleAsync()).ToHttp())
            .WithName("ListCategories").WithSummary("事件分类字典");
        // Tickets already reported keep their deadlines.
        tickets.MapPut("/categories/{code}", async (string code, [FromBody] SaveCategory r, ChangeCategory u, CancellationToken ct) => (await u.HandleAsync(code, r, ct)).ToHttp())
            .RequireAuthorization(Permissions.TicketsConfigure).WithName("ChangeCategory").WithSummary("修改事件分类（时限、半径、部门类别等）");

        var rules = tickets.MapGroup("/dispatch-rules").RequireAuthorization(Permissions.TicketsConfigure);
        rules.MapGet("/", async (ListDispatchRules u, CancellationToken ct) => (await u.HandleAsync(ct)).ToHttp())
            .WithName("ListDispatchRules").WithSummary("本区域的派遣规则（按顺序）");
        rules.MapPost("/", async ([FromBody] SaveDispatchRule r, AddDispatchRule u, CancellationToken ct) => (await u.HandleAsync(r, ct)).ToHttp())
            .WithName("AddDispatchRule").WithSummary("新增派遣规则");
        rules.MapPut("/{id:int}", async (int id, [FromBody] SaveDispatchRule r, ChangeDispatchRule u, CancellationToken ct) => (await u.HandleAsync(id, r, ct)).ToHttp())
            .WithName("ChangeDispatchRule").WithSummary("修改派遣规则（含顺序）");
        rules.MapDelete("/{id:int}", async (int id, DeleteDispatchRule u, CancellationToken ct) => (await u.HandleAsync(id, ct)).ToHttp())
            .WithName("DeleteDispatchRule").WithSummary("删除派遣规则");

        tickets.MapGet("/calendar/{year:int}", async (int year, GetCalendar u, CancellationToken ct) => (await u.HandleAsync(year, ct)).ToHttp())
            .WithName("GetWorkCalendar").WithSummary("某年的节假日、调休上班日和工作时间");
        tickets.MapPut("/calendar/{year:int}", async (int year, [FromBody] List<CalendarDayDto> days, SaveCalendar u, CancellationToken ct) => (await u.HandleAsync(year, days, ct)).ToHttp())
            .RequireAuthorization(Permissions.TicketsConfigure).WithName("SaveWorkCalendar").WithSummary("替换某年的节假日和调休安排");
    }
}
