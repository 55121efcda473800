using GridGov.Features.Tickets;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// 转督办: every open evidence ticket the caller can see is supervised through Tickets' own action
// (ExecuteTicketAction: its permission tickets.supervise, its area and version checks, its history
// row), each in its own scope so that one refusal does not spoil the others. A ticket already marked
// higher keeps its level. Done when at least one ticket was supervised; what happened to each is
// answered and written into the warning's history.
public sealed class SuperviseWarning(WarningHandling handling, GridDbContext db, UseCases cases)
{
    public async Task<Result<WarningHandled>> HandleAsync(long id, HandleWarningRequest r, CancellationToken ct = default)
    {
        var (w, refusal) = await handling.LoadAsync(id, r.Version, openOnly: false, ct);
        if (w is null) return refusal!;
        if (r.Level is not ({ } level and > Supervision.None)) return Result<WarningHandled>.Invalid("level", "请选择督办级别（普通、黄牌、红牌）");
        var (note, bad) = WarningHandling.Note(r.Note);
        if (bad is not null) return bad;
        var words = note ?? $"预警转督办：{w.Title}";

        var ids = await db.WarningEvidence.AsNoTracking().Where(e => e.WarningId == id).Select(e => e.TicketId).ToListAsync(ct);
        var tickets = new List<(long Id, int Version, Supervision Supervision, TicketState State, DateTime ReportedAt)>();
        foreach (var chunk in ids.Chunk(500))
            tickets.AddRange((await db.Tickets.AsNoTracking().Where(t => chunk.Contains(t.Id))
                .Select(t => new { t.Id, t.Version, t.Supervision, t.State, t.ReportedAt }).ToListAsync(ct))
                .Select(t => (t.Id, t.Version, t.Supervision, t.State, t.ReportedAt)));
        var results = new List<SupervisedTicket>();
        foreach (var t in tickets.OrderBy(t => t.Id))
        {
            var number = Ticket.NumberOf(t.Id, t.ReportedAt);
            if (!Ticket.Open.Contains(t.State)) { results.Add(new(t.Id, number, false, $"工单已{TicketFlow.StateName(t.State)}")); continue; }
            var request = new TicketActionRequest(t.Version, words, null, null, null, null, null, null, t.Supervision > level ? t.Supervision : level);
            var done = await cases.RunAsync<ExecuteTicketAction, Result<TicketDetail>>(u => u.HandleAsync(t.Id, TicketAction.Supervise, request, ct));
            results.Add(new(t.Id, number, done.Succeeded, done.Succeeded ? null : done.Message));
        }
        var count = results.Count(x => x.Done);
        if (count == 0)
            return Result<WarningHandled>.Conflict(results.Count == 0 ? "没有您可以督办的证据工单" : "证据工单均未能督办：" + string.Join("；", results.Select(x => $"{x.Number} {x.Reason}").Take(5)),
                "不能转督办");
        var summary = $"{words}（督办 {count} 件" + (results.Count > count ? $"，{results.Count - count} 件未督办）" : "）");
        return await handling.FinishAsync(w, WarningAction.Supervise, WarningState.Supervised, Cut(summary), results, ct);
    }

    static string Cut(string s) => s.Length <= WarningHandling.NoteMax ? s : s[..(WarningHandling.NoteMax - 1)] + "…";
}
