using GridGov.Infrastructure.Files;
using GridGov.Features.Organization;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Deadlines;
using GridGov.Features.Tickets.Duplicates;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Intake;

public sealed record CreateTicketRequest(
    string? ClientRequestId, string? CategoryCode, string? Description, string? Address,
    double? Lon, double? Lat, long? GridCode, TicketSource? Source, string? ReporterName, string? ReporterPhone,
    List<string>? Photos, bool? Urgent, bool? SelfHandle, long? DuplicateOf = null);

public sealed record CreateTicketResult(TicketDetail Ticket, bool Existing, List<DuplicateCandidate> Candidates);

// Intake (登记): check the report, find its grid from the point, stamp the deadlines of its category,
// and write the ticket with its first history row. A retried submission (same reporter, same client
// request id) returns the ticket the first one created.
public sealed class CreateTicket(GridDbContext db, CurrentUser user, CategoryCatalog categories, Places places,
    OwnPhotos owned, TicketClock clock, SimilarTickets similar, TicketQueries queries, TicketFeed feed, IntakeWriter writer, DuplicateLinks links)
{
    public async Task<Result<CreateTicketResult>> HandleAsync(CreateTicketRequest r, CancellationToken ct = default)
    {
        var me = user.UserId;
        var requestId = string.IsNullOrWhiteSpace(r.ClientRequestId) ? null : r.ClientRequestId.Trim();

        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message) => (errors.TryGetValue(field, out var l) ? l : errors[field] = []).Add(message);

        var category = categories.Find(r.CategoryCode);
        if (string.IsNullOrWhiteSpace(r.CategoryCode)) Add("categoryCode", "请选择事件分类");
        else if (category is not { IsMinor: true, Enabled: true }) Add("categoryCode", $"事件分类“{r.CategoryCode}”不存在或已停用，请选择小类");
        var description = CleanText.Multiline(r.Description)?.Trim() ?? "";
        if (description.Length == 0) Add("description", "请填写问题描述");
        else if (description.Length > Ticket.DescriptionMax) Add("description", $"问题描述不能超过 {Ticket.DescriptionMax} 字（现有 {description.Length} 字）");
        if (requestId?.Length > 64) Add("clientRequestId", "请求编号不能超过 64 个字符");
        if (Trim(r.Address)?.Length > 200) Add("address", "地址不能超过 200 字");
        if (Trim(r.ReporterName)?.Length > 50) Add("reporterName", "上报人姓名不能超过 50 字");
        if (Trim(r.ReporterPhone)?.Length > 20) Add("reporterPhone", "联系电话不能超过 20 位");
        var (photos, photoError) = await owned.CheckAsync(r.Photos, ct);
        if (photoError is not null) Add("photos", photoError);
        if (r.SelfHandle == true && photos.Count == 0) Add("photos", "自行处置须附处置后的照片");
        if (r.DuplicateOf is not null)
        {
            // The reporter says "someone reported this already" (the terminal's offer): the primary
            // must be an open ticket the reporter can see.
            if (r.SelfHandle == true) Add("duplicateOf", "自行处置的事件不能同时关联为重复上报");
            var linkErrors = new Dictionary<string, string[]>();
            await links.CheckPrimaryAsync(0, r.DuplicateOf, linkErrors, ct);
            foreach (var e in linkErrors.Values.SelectMany(v => v)) Add("duplicateOf", e);
        }

        long grid = 0;
        if (r.Lon is { } lon && r.Lat is { } lat)
        {
            if (lon is < -180 or > 180 || lat is < -90 or > 90) Add("lon", "经纬度超出范围");
            else if (await places.GridAtAsync(lon, lat, ct) is { } found) grid = found;
            else Add("lon", $"位置（{lon:F6}, {lat:F6}）不在任何网格内，请核对定位");
        }
        else if (r.Lon is not null || r.Lat is not null) Add("lat", "经度和纬度须同时填写");
        else if (r.GridCode is { } given)
        {
            if (OrgCode.LevelOf(given) != OrgLevel.Grid || !await db.OrgUnits.AnyAsync(u => u.Code == given, ct))
                Add("gridCode", $"网格 {given} 不存在或不在您的管理范围内");
            else grid = given;
        }
        else Add("lon", "请在地图上选择位置，或指定所在网格");
        // Reports lie in the reporter's own area; only a city-wide scope reports anywhere (ADR 0008).
        if (grid != 0 && !user.Scope.Contains(grid))
        {
            Add(r.Lon is null ? "gridCode" : "lon", $"上报位置所在网格 {grid} 不在您的管理范围内，只能上报本辖区内的事件");
            grid = 0;
        }
        if (errors.Count > 0)
        {
            // A retry of a report that went in before (a category disabled since, say) still gets its ticket.
            if (requestId is not null && await ExistingAsync(me, requestId, ct) is { } again) return again;
            return Result<CreateTicketResult>.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        var now = clock.Now;
        var c = category!;
        var ticket = new Ticket
        {
            ClientRequestId = requestId, CategoryId = c.Id, Description = description, Address = Trim(r.Address),
            Lon = r.Lon, Lat = r.Lat, GridCode = grid, CentreCode = OrgCode.Street(grid),
            Source = r.Source ?? (user.Has(Permissions.TicketsVerify) ? TicketSource.Patrol : TicketSource.Staff),
            ReporterId = me, ReporterName = Trim(r.ReporterName) ?? user.DisplayName, ReporterPhone = Trim(r.ReporterPhone),
            State = TicketState.Reported, Urgent = r.Urgent ?? c.Urgent, ReportedAt = now, UpdatedAt = now,
            AcceptLimit = c.AcceptLimit!, DispatchLimit = c.DispatchLimit!, HandleLimit = c.HandleLimit!, VerifyLimit = c.VerifyLimit!,
        };
        ticket.DueAt = clock.StageDue(ticket, now);
        var events = new List<TicketEvent> { History.Row(ticket, TicketAction.Report, TicketState.Reported, user, now, null, photos) };
        if (r.SelfHandle == true)
        {
            // Handled on the spot by the one who found it: straight to verification with photo evidence.
            ticket.SelfHandled = true;
            ticket.State = TicketState.Handled;
            ticket.Result = description;
            ticket.DueAt = clock.StageDue(ticket, now);
            events.Add(History.Row(ticket, TicketAction.SelfHandle, TicketState.Reported, user, now, "现场自行处置", photos));
        }
        if (r.DuplicateOf is { } primary)
        {
            ticket.State = TicketState.Duplicate;
            ticket.PrimaryId = primary;
            ticket.DueAt = null;
            events.Add(History.Row(ticket, TicketAction.LinkDuplicate, TicketState.Reported, user, now, "上报人确认与已有工单为同一问题"));
        }
        ticket.Events.AddRange(events);
        try
        {
            await writer.SaveAsync(ticket, AuditActor.From(user), ct);
        }
        catch (DbUpdateException) when (requestId is not null)
        {
            // A retried submission (or the same one twice at once): the unique index on (reporter,
            // request id) refuses the second row, and this answers with the ticket of the first. Not
            // looked up beforehand: a retry is rare, a lookup on every report is not free.
            if (await ExistingAsync(me, requestId, ct) is { } raced) return raced;
            throw;
        }
        feed.Publish(ticket);
        var candidates = ticket.PrimaryId is null ? await similar.FindAsync(ticket, ct) : [];
        var detail = queries.New(ticket, await places.NameAsync(ticket.GridCode, ct), await places.NameAsync(ticket.CentreCode, ct));
        return Result<CreateTicketResult>.Created(new(detail, false, candidates), $"/api/v1/tickets/{ticket.Id}");
    }

    // A retry answers with the ticket as it is now, not as new.
    async Task<Result<CreateTicketResult>?> ExistingAsync(long? reporter, string requestId, CancellationToken ct)
    {
        var id = await db.Tickets.Where(t => t.ReporterId == reporter && t.ClientRequestId == requestId).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
        return id is { } found && await queries.DetailAsync(found, ct) is { } detail ? Result<CreateTicketResult>.Ok(new(detail, true, [])) : null;
    }

    // One-line fields lose hidden characters and line breaks (CleanText).
    static string? Trim(string? s) => string.IsNullOrWhiteSpace(s = CleanText.Line(s)) ? null : s.Trim();
}
