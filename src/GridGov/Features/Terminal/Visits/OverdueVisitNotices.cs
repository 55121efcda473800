using GridGov.Infrastructure.Time;
using GridGov.Features.Identity;
using GridGov.Features.Organization;
using GridGov.Features.Registry.Focus;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Places;
using GridGov.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Terminal.Visits;

// "逾期走访提醒社区": every hour, each community with overdue focus visits whose accounts have not been
// told today (China date) gets one notice per account that views the registry: how many, in which
// grids, whose. No names in it: a notice is no place for who is watched (special kinds among them).
// Runs one at a time in this process, so the hourly run and a direct call never both send.
public sealed class OverdueVisitNotices(GridDatabase database, Places places, TimeProvider time, ILogger<OverdueVisitNotices> log) : BackgroundService
{
    public const string Prefix = "走访逾期提醒";
    static readonly TimeSpan Period = TimeSpan.FromHours(1);
    readonly SemaphoreSlim running = new(1, 1);

    protected override Task ExecuteAsync(CancellationToken stop) =>
        Periodic.RunAsync(Period, time, RunOnceAsync, log, "Overdue visit notices", stop);

    // Answers how many communities were told in this run.
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await running.WaitAsync(ct);
        try { return await SendAsync(ct); }
        finally { running.Release(); }
    }

    async Task<int> SendAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        var since = ChinaTime.ToUtc(ChinaTime.FromUtc(now).Date);
        await using var db = database.CreateUnscoped(AuditActor.System);
        var late = await db.Set<FocusSubject>().Where(s => s.ClosedOn == null && s.NextVisitDue < today)
            .GroupBy(s => new { s.GridCode, s.ResponsibleId, s.ResponsibleName })
            .Select(g => new Late(g.Key.GridCode, g.Key.ResponsibleId, g.Key.ResponsibleName, g.Count())).ToListAsync(ct);
        var told = 0;
        foreach (var community in late.GroupBy(l => OrgCode.Community(l.GridCode)).OrderBy(g => g.Key))
        {
            var readers = await ReadersAsync(db, community.Key, ct);
            if (readers.Count == 0) continue;
            // Notices are filtered to their own user; this looks at the community's accounts' on purpose.
            if (await db.Notifications.IgnoreQueryFilters().AnyAsync(n => readers.Contains(n.UserId) && n.TicketId == 0 && n.At >= since && n.Text.StartsWith(Prefix), ct)) continue;
            var text = await TextAsync(today, [.. community], ct);
            foreach (var user in readers) db.Notifications.Add(new Notification { UserId = user, TicketId = 0, At = now, Text = text });
            told++;
        }
        if (told > 0) await db.SaveChangesAsync(ct);
        return told;
    }

    sealed record Late(long GridCode, long? ResponsibleId, string? ResponsibleName, int Count);

    async Task<string> TextAsync(DateOnly today, List<Late> late, CancellationToken ct)
    {
        var grids = new List<string>();
        foreach (var g in late.GroupBy(l => l.GridCode).OrderByDescending(g => g.Sum(l => l.Count)).ThenBy(g => g.Key))
            grids.Add($"{Short(await places.NameAsync(g.Key, ct) ?? g.Key.ToString())} {g.Sum(l => l.Count)} 名");
        var workers = late.GroupBy(l => l.ResponsibleId).OrderByDescending(g => g.Sum(l => l.Count))
            .Select(g => $"{(g.Key is null ? "未指定" : g.First().ResponsibleName)} {g.Sum(l => l.Count)}");
        var text = $"{Prefix}（{today:M月d日}）：本社区 {late.Sum(l => l.Count)} 名重点关注对象走访已逾期。按网格：{string.Join("、", grids)}；"
            + $"按责任人：{string.Join("、", workers)}。请在“重点关注”中按“已逾期”查看并督促走访。";
        return text.Length > 300 ? text[..299] + "…" : text;
    }

    // A grid's name without its community's (the notice is for that community).
    static string Short(string name) => name.LastIndexOf("社区", StringComparison.Ordinal) is var i and >= 0 && i + 2 < name.Length ? name[(i + 2)..] : name;

    // The community's own accounts that can open the focus list.
    static async Task<List<long>> ReadersAsync(GridDbContext db, long community, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.Set<IdentityUserRole<long>>() on u.Id equals ur.UserId
               join rc in db.RoleClaims on ur.RoleId equals rc.RoleId
               where u.OrgUnitCode == community && !u.Disabled && rc.ClaimType == Permissions.ClaimType && rc.ClaimValue == Permissions.RegistryView
               select u.Id).Distinct().ToListAsync(ct);
}
