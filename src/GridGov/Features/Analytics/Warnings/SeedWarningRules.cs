using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// The default rules, written when the rule table is empty (the first start, as the ticket dictionaries
// are): one of each kind with the parameters docs/early-warning.md explains. The city edits them on
// the 预警规则 tab; a rule that is not wanted is disabled (a rule with warnings cannot be deleted).
public sealed class SeedWarningRules(GridDatabase database, TimeProvider time)
{
    public static IReadOnlyList<WarningRule> Defaults() =>
    [
        new() { Name = "社区劳资纠纷集中", Kind = WarningKind.Threshold, CategoryCode = "G0104", GroupLevel = OrgLevel.Community, MinCount = 3, WindowHours = 24 },
        new() { Name = "街道事件量突增", Kind = WarningKind.Spike, GroupLevel = OrgLevel.Street, Method = SpikeMethod.C2, Limit = 3, MinSigma = 1, MinCount = 5, WindowHours = 24 },
        new() { Name = "疑似群体性事件", Kind = WarningKind.Cluster, RadiusMeters = 300, WindowHours = 6, MinCount = 8 },
        new() { Name = "部门临期工单集中", Kind = WarningKind.DeadlineWave, WindowHours = 8, MinCount = 20 },
    ];

    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        if (await db.WarningRules.AnyAsync(ct)) return;
        var now = time.GetUtcNow().UtcDateTime;
        var rules = Defaults();
        foreach (var r in rules) r.CreatedAt = r.UpdatedAt = now;
        db.WarningRules.AddRange(rules);
        await db.SaveChangesAsync(ct);
    }
}
