using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// Threshold: at least N tickets of the category in one unit within the last W hours.
// Deadline wave: at least N open tickets of one lead department due within the next H hours.
public sealed partial class WarningEvaluator
{
    async Task<List<WarningCandidate>> ThresholdAsync(GridDbContext db, WarningRule rule, DateTime now, CancellationToken ct)
    {
        var from = now.AddHours(-rule.WindowHours);
        var rows = await TicketsOf(db, rule).Where(t => t.ReportedAt >= from && t.ReportedAt < now)
            .Select(t => new { t.Id, t.GridCode }).ToListAsync(ct);
        var used = await UsedAsync(db, rule.Id, rows.Select(r => r.Id), ct);
        var groups = CountRules.AtLeast(rows.Where(r => !used.Contains(r.Id))
            .Select(r => (r.Id, CountRules.GroupOf(r.GridCode, rule.AreaCode, rule.GroupLevel))), rule.MinCount);
        var what = What(rule);
        var found = new List<WarningCandidate>();
        foreach (var (area, ids) in groups)
        {
            var name = await NameAsync(area, ct);
            found.Add(new(area, name, $"{name}{rule.WindowHours}小时内{what}达 {ids.Count} 件",
                $"{ChinaTime.Format(from)} 至 {ChinaTime.Format(now)}，{name}上报{what} {ids.Count} 件，达到规则“{rule.Name}”的阈值 {rule.MinCount} 件。",
                EvidenceKeys.OfTickets(rule.Id, ids), ids));
        }
        return found;
    }

    async Task<List<WarningCandidate>> DeadlineWaveAsync(GridDbContext db, WarningRule rule, DateTime now, CancellationToken ct)
    {
        var until = now.AddHours(rule.WindowHours);
        var rows = await TicketsOf(db, rule)
            .Where(t => Ticket.Open.Contains(t.State) && t.LeadDepartmentId != null && t.DueAt > now && t.DueAt <= until)
            .Select(t => new { t.Id, Department = t.LeadDepartmentId!.Value }).ToListAsync(ct);
        var used = await UsedAsync(db, rule.Id, rows.Select(r => r.Id), ct);
        var groups = CountRules.AtLeast(rows.Where(r => !used.Contains(r.Id)).Select(r => (r.Id, r.Department)), rule.MinCount);
        if (groups.Count == 0) return [];
        var wanted = groups.Select(g => g.Group).ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => wanted.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new { d.Name, d.OrgUnitCode }, ct);
        var found = new List<WarningCandidate>();
        foreach (var (department, ids) in groups)
        {
            if (!departments.TryGetValue(department, out var d)) continue;
            // The department's own unit: its command centre is the one that dispatched to it.
            var area = await NameAsync(d.OrgUnitCode, ct);
            found.Add(new(d.OrgUnitCode, area, $"{d.Name}临期工单集中：{ids.Count} 件将在 {rule.WindowHours} 小时内到期",
                $"截至 {ChinaTime.Format(now)}，主办部门“{d.Name}”有 {ids.Count} 件未办结工单将在 {ChinaTime.Format(until)} 前到期，" +
                $"达到规则“{rule.Name}”的阈值 {rule.MinCount} 件，请提前调度或督办。",
                EvidenceKeys.OfTickets(rule.Id, ids), ids) { DepartmentId = department });
        }
        return found;
    }
}
