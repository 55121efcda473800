using GridGov.Features.Tickets.Dispatching;
using GridGov.Features.Tickets.Duplicates;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets;

// GET  /api/v1/tickets?queue=&category=&area=&source=&from=&to=&keyword=&page=&pageSize=
// GET  /api/v1/tickets/counts?area=                 tickets waiting in each queue
// GET  /api/v1/tickets/flow                         the transition table (states, actions, permissions)
// POST /api/v1/tickets                              report (idempotent by clientRequestId)
// GET  /api/v1/tickets/{id}                         details, timeline, allowed actions
// POST /api/v1/tickets/{id}/actions/{action}        accept, dispatch, reportBack … (with the version read)
// GET  /api/v1/tickets/{id}/candidates              possible duplicates, with score and reason
// GET  /api/v1/tickets/{id}/suggestion              the department past tickets of similar text went to
// GET  /api/v1/tickets/{id}/photos/{photo}          a photo of the ticket
// …/tickets/categories, …/tickets/dispatch-rules, …/tickets/calendar: see TicketSettingsEndpoints
// POST /api/v1/files/photos                         upload one photo (multipart "file"); returns its id
static class TicketEndpoints
{
    public static void MapTicketEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/tickets").WithTags("工单").RequireAuthorization(Permissions.TicketsAny);
        g.MapGet("/", async ([AsParameters] TicketQuery q, TicketQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.ListAsync(q, ct)));
        g.MapGet("/counts", async (long? area, TicketQueues queues, CancellationToken ct) => TypedResults.Ok(await queues.CountsAsync(area, ct)));
        g.MapGet("/flow", () => TypedResults.Ok(TicketFlow.Table));
        g.MapTicketSettingsEndpoints();
        g.MapPost("/", async Task<Results<Created<CreateTicketResult>, Ok<CreateTicketResult>, ValidationProblem>> ([FromBody] CreateTicketRequest r, CreateTicket create, CancellationToken ct) =>
        {
            var o = await create.HandleAsync(r, ct);
            if (o.Created is not { } c) return GridGov.Infrastructure.Invalid.Problem(o.Errors);
            return c.Existing ? TypedResults.Ok(c) : TypedResults.Created($"/api/v1/tickets/{c.Ticket.Id}", c);
        }).RequireAuthorization(Permissions.TicketsReport);
        g.MapGet("/{id:long}", async Task<Results<Ok<TicketDetail>, NotFound>> (long id, TicketQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, ct) is { } t ? TypedResults.Ok(t) : TypedResults.NotFound());
        g.MapPost("/{id:long}/actions/{action}", async Task<Results<Ok<TicketDetail>, NotFound, ProblemHttpResult, ValidationProblem>> (
            long id, string action, [FromBody] TicketActionRequest r, TicketActions actions, CancellationToken ct) =>
        {
            if (!Enum.TryParse<TicketAction>(action, ignoreCase: true, out var a) || int.TryParse(action, out _))
                return TypedResults.Problem($"未知操作“{action}”", statusCode: 400, title: "未知操作");
            return Respond(await actions.ExecuteAsync(id, a, r, ct));
        });
        g.MapGet("/{id:long}/candidates", async Task<Results<Ok<List<DuplicateCandidate>>, NotFound>> (long id, Infrastructure.Database.GridDbContext db, SimilarTickets similar, CancellationToken ct) =>
            await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(await similar.FindAsync(t, ct)) : TypedResults.NotFound());
        g.MapGet("/{id:long}/suggestion", async Task<Results<Ok<Dispatching.DepartmentSuggestion>, NoContent, NotFound>> (long id, Infrastructure.Database.GridDbContext db, Dispatching.DepartmentSuggester suggester, CancellationToken ct) =>
        {
            if (await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } t) return TypedResults.NotFound();
            return await suggester.SuggestAsync(t, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NoContent();
        });
        g.MapGet("/{id:long}/photos/{photo}", async Task<Results<FileStreamHttpResult, NotFound>> (long id, string photo, Infrastructure.Database.GridDbContext db, FileStore files, CancellationToken ct) =>
        {
            // The photo is served only through a ticket the caller may see, and only if it belongs to it.
            var photos = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id && e.Photos != null).Select(e => e.Photos!).ToListAsync(ct);
            if (!photos.SelectMany(p => p.Split(',')).Contains(photo) || files.Find(photo) is not { } f) return TypedResults.NotFound();
            return TypedResults.File(files.Open(photo), f.ContentType, enableRangeProcessing: true, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo}\""));
        });

        api.MapPost("/files/photos", async Task<Results<Created<StoredFile>, ValidationProblem>> (IFormFile file, FileStore files, CancellationToken ct) =>
        {
            await using var stream = file.OpenReadStream();
            var o = await files.SavePhotoAsync(stream, ct);
            return o.File is { } f ? TypedResults.Created($"/api/v1/files/photos/{f.Id}", f) : GridGov.Infrastructure.Invalid.Problem(new() { ["file"] = [$"{file.FileName}：{o.Error}"] });
        }).WithTags("工单").RequireAuthorization(Permissions.TicketsAny).DisableAntiforgery()
          .WithMetadata(new RequestSizeLimitAttribute(FileStore.MaxPhotoBytes + 64 * 1024));
    }

    public static Results<Ok<TicketDetail>, NotFound, ProblemHttpResult, ValidationProblem> Respond(ActionOutcome o) => o.Kind switch
    {
        ActionOutcomeKind.Done => TypedResults.Ok(o.Ticket!),
        ActionOutcomeKind.NotFound => TypedResults.NotFound(),
        ActionOutcomeKind.Forbidden => TypedResults.Problem(o.Message, statusCode: 403, title: "无权执行该操作"),
        ActionOutcomeKind.Conflict => TypedResults.Problem(o.Message, statusCode: 409, title: "工单状态已变化",
            extensions: new Dictionary<string, object?> { ["state"] = o.CurrentState?.ToString(), ["stateName"] = o.CurrentState is { } s ? TicketFlow.StateName(s) : null, ["version"] = o.CurrentVersion }),
        _ => GridGov.Infrastructure.Invalid.Problem(o.Errors ?? []),
    };

}
