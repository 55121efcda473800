using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Intake;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// 转工单: a new ticket through Tickets' intake (CreateTicket: its checks, deadlines and first history
// row), source 工作人员登记, in the warning's area — the grid most of the evidence lies in — of the class
// most of it has (the rule's, when it names a minor class), with the warning's words unless the caller
// wrote their own. Its client request id is the warning's, so a retry returns the same ticket.
public sealed class TicketFromWarning(WarningHandling handling, GridDbContext db, UseCases cases, CategoryCatalog categories)
{
    public async Task<Result<WarningHandled>> HandleAsync(long id, HandleWarningRequest r, CancellationToken ct = default)
    {
        var (w, refusal) = await handling.LoadAsync(id, r.Version, openOnly: false, ct);
        if (w is null) return refusal!;
        var ids = await db.WarningEvidence.AsNoTracking().Where(e => e.WarningId == id).Select(e => e.TicketId).ToListAsync(ct);
        var evidence = new List<(int Category, long Grid)>();
        foreach (var chunk in ids.Chunk(500))
            evidence.AddRange((await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id)).Select(t => new { t.CategoryId, t.GridCode }).ToListAsync(ct))
                .Select(t => (t.CategoryId, t.GridCode)));
        long? grid = OrgCode.LevelOf(w.AreaCode) == OrgLevel.Grid ? w.AreaCode : Most(evidence.Select(e => e.Grid));
        if (grid is null) return Result<WarningHandled>.Conflict("没有您可以查看的证据工单，无法确定事件所在网格", "不能转工单");
        var rule = await db.WarningRules.AsNoTracking().Where(x => x.Id == w.RuleId).Select(x => x.CategoryCode).FirstOrDefaultAsync(ct);
        var category = categories.Find(rule) is { IsMinor: true, Enabled: true } c ? c.Code
            : Most(evidence.Select(e => (long)e.Category)) is { } most ? categories.CodeOf((int)most) : null;
        // The caller's own words are checked by intake (too long: its message); the warning's are cut to fit.
        var text = r.Description?.Trim() is { Length: > 0 } d ? d : Cut($"【预警转工单】{w.Title}。{w.Summary}");

        var request = new CreateTicketRequest($"warning-{w.Id}", category, text, null, null, null, grid, TicketSource.Staff, null, null, null, null, null);
        var created = await cases.RunAsync<CreateTicket, Result<CreateTicketResult>>(u => u.HandleAsync(request, ct));
        if (!created.Succeeded) return created.As<WarningHandled>();
        var ticket = created.Value!.Ticket;
        w.TicketId = ticket.Id;
        return await handling.FinishAsync(w, WarningAction.ToTicket, WarningState.Ticketed, $"已生成工单 {ticket.Number}", null, ct);
    }

    static string Cut(string s) => s.Length <= Ticket.DescriptionMax ? s : s[..Ticket.DescriptionMax];

    static long? Most(IEnumerable<long> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (long?)g.Key).FirstOrDefault();
}
