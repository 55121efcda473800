using GridGov.Infrastructure.Time;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Tickets.Deadlines;

// Supervision when a deadline passes (DESIGN.md §5): once a minute, open tickets past their stage
// deadline are urged automatically — 普通督办 at once, 黄牌 a working day late, 红牌 three days late —
// each with a history row, and the command centres' pages hear of it.
public sealed class OverdueWatcher(GridDatabase database, TicketClock clock, TicketFeed feed, TimeProvider time, ILogger<OverdueWatcher> log) : BackgroundService
{
    const int Batch = 500;
    static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stop) =>
        Periodic.RunAsync(Period, time, RunOnceAsync, log, "Overdue check", stop);

    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.Now;
        await using var db = database.CreateUnscoped(AuditActor.System);
        // With their assignments: the hub tells the departments holding them (TicketScope.Sees).
        var due = await db.Tickets.Include(t => t.Assignments).Where(t => Ticket.Open.Contains(t.State) && t.DueAt < now && t.Supervision != Supervision.Red)
            .OrderBy(t => t.DueAt).Take(Batch).ToListAsync(ct);
        var raised = due.Where(t => Raise(t, now)).ToList();
        if (raised.Count == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // someone acted on one of them meanwhile; the next round sees the new state
        }
        foreach (var t in raised) feed.Publish(t, overdue: true);
        return raised.Count;
    }

    bool Raise(Ticket t, DateTime now)
    {
        var late = clock.Calendar.WorkingTimeBetween(t.DueAt!.Value, now);
        var perDay = clock.Calendar.WorkingHours.PerDay;
        var level = late >= perDay * 3 ? Supervision.Red : late >= perDay ? Supervision.Yellow : Supervision.Normal;
        if (level <= t.Supervision) return false;
        var step = TicketFlow.Find(t.State, TicketAction.AutoSupervise)!;
        var note = $"超过时限 {late.TotalHours:F1} 个工作小时，自动{SupervisionName(level)}（原{SupervisionName(t.Supervision)}）";
        t.Events.Add(TicketEffects.Take(clock, t, step, new StepInput(note, Level: level), now, StepActor.System));
        return true;
    }

    public static string SupervisionName(Supervision s) => s switch
    {
        Supervision.Normal => "普通督办", Supervision.Yellow => "黄牌督办", Supervision.Red => "红牌督办", _ => "未督办",
    };
}
