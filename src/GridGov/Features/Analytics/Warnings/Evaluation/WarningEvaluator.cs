using System.Text.Json;
using GridGov.Features.Organization;
using GridGov.Features.Tickets;
using GridGov.Features.Tickets.Categories;
using GridGov.Features.Tickets.Duplicates;
using GridGov.Infrastructure.Database;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Analytics.Warnings;

// What a rule found: the area it is about, the words for people, the evidence and its key.
public sealed record WarningCandidate(long AreaCode, string AreaName, string Title, string Summary, string EvidenceKey, List<long> TicketIds)
{
    public string? Series { get; init; }
    public long? DepartmentId { get; init; }
}

// Evaluates the enabled rules over the tickets (EF queries through an unscoped context: the system
// watches the whole city; each warning then lies in its area, where the data scope shows it). One
// method per kind (the other parts of this class); the maths is in Methods/. A candidate whose evidence
// key exists is skipped; each new warning is written with its evidence in one transaction, and the
// unique keys make a concurrent evaluation (another node, the next minute) fail instead of repeating it.
public sealed partial class WarningEvaluator(GridDatabase database, CategoryCatalog categories, Places places, TicketWords words,
    WarningFeed feed, TimeProvider time, ILogger<WarningEvaluator> log)
{
    // Every enabled rule, at `now` (default: the clock's now). A failing rule is logged, the others go on.
    public async Task<List<Warning>> RunAsync(DateTime? now = null, CancellationToken ct = default)
    {
        var at = now ?? time.GetUtcNow().UtcDateTime;
        List<WarningRule> rules;
        await using (var db = database.CreateUnscoped(AuditActor.System))
            rules = await db.WarningRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(ct);
        var raised = new List<Warning>();
        foreach (var rule in rules)
        {
            try { raised.AddRange(await EvaluateAsync(rule, at, ct)); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Warning rule {Rule} failed", rule.Id); }
        }
        return raised;
    }

    // One rule at `now`, whether enabled or not; errors reach the caller.
    public async Task<List<Warning>> EvaluateAsync(long ruleId, DateTime now, CancellationToken ct = default)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        var rule = await db.WarningRules.AsNoTracking().SingleAsync(r => r.Id == ruleId, ct);
        return await EvaluateAsync(rule, now, ct);
    }

    async Task<List<Warning>> EvaluateAsync(WarningRule rule, DateTime now, CancellationToken ct)
    {
        List<WarningCandidate> found;
        await using (var db = database.CreateUnscoped(AuditActor.System))
        {
            found = rule.Kind switch
            {
                WarningKind.Threshold => await ThresholdAsync(db, rule, now, ct),
                WarningKind.Spike => await SpikeAsync(db, rule, now, ct),
                WarningKind.Cluster => await ClusterAsync(db, rule, now, ct),
                _ => await DeadlineWaveAsync(db, rule, now, ct),
            };
        }
        var raised = new List<Warning>();
        foreach (var c in found)
        {
            if (await RaiseAsync(rule, c, now, ct) is not { } w) continue;
            raised.Add(w);
            feed.Publish(w, isNew: true, c.TicketIds);
        }
        return raised;
    }

    async Task<Warning?> RaiseAsync(WarningRule rule, WarningCandidate c, DateTime now, CancellationToken ct)
    {
        await using var db = database.CreateUnscoped(AuditActor.System);
        if (await db.Warnings.AnyAsync(w => w.EvidenceKey == c.EvidenceKey, ct)) return null;
        var w = new Warning
        {
            RuleId = rule.Id, RuleName = rule.Name, Kind = rule.Kind, AreaCode = c.AreaCode, GridCode = OrgCode.Pad(c.AreaCode), AreaName = c.AreaName,
            Title = Cut(c.Title, 200), Summary = Cut(c.Summary, Warning.SummaryMax), RaisedAt = now, State = WarningState.Open,
            EvidenceKey = c.EvidenceKey, EvidenceCount = c.TicketIds.Count, Series = c.Series, DepartmentId = c.DepartmentId,
        };
        try
        {
            // The warning is audited as itself; its evidence rows and first history row as one summary.
            await using (await db.HoldAuditChainAsync(ct))
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                db.Warnings.Add(w);
                await db.SaveChangesAsync(ct);
                db.WarningEvidence.AddRange(c.TicketIds.Select(t => new WarningEvidence { WarningId = w.Id, RuleId = rule.Id, TicketId = t }));
                db.WarningEvents.Add(new WarningEvent
                {
                    WarningId = w.Id, At = now, ActorName = "系统", Action = WarningAction.Raise, From = WarningState.Open, To = WarningState.Open, Note = w.Summary,
                });
                db.AuditSummary = new AuditSummary("Create", nameof(WarningEvidence), w.Id.ToString(), w.GridCode,
                    JsonSerializer.Serialize(new { WarningId = w.Id, Tickets = c.TicketIds.Count }));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            return w;
        }
        catch (DbUpdateException e)
        {
            // Raised meanwhile by another evaluation (the unique evidence key or ticket): theirs stands.
            log.LogInformation(e, "Warning {Key} of rule {Rule} was raised elsewhere", c.EvidenceKey, rule.Id);
            return null;
        }
    }

    // The tickets a rule reads: in its area and category, not rejected.
    IQueryable<Ticket> TicketsOf(GridDbContext db, WarningRule rule)
    {
        var q = db.Tickets.AsNoTracking().Where(t => t.State != TicketState.Rejected);
        if (rule.AreaCode is { } area)
        {
            var (from, to) = OrgCode.Subtree(area);
            q = q.Where(t => t.GridCode >= from && t.GridCode <= to);
        }
        if (rule.CategoryCode is { } code)
        {
            var ids = categories.All.Where(c => c.Code == code || c.ParentCode == code).Select(c => c.Id).ToList();
            q = q.Where(t => ids.Contains(t.CategoryId));
        }
        return q;
    }

    // Of these tickets, those already evidence of a warning of the rule.
    static async Task<HashSet<long>> UsedAsync(GridDbContext db, long ruleId, IEnumerable<long> ids, CancellationToken ct)
    {
        var used = new HashSet<long>();
        foreach (var chunk in ids.Distinct().Chunk(500))
            used.UnionWith(await db.WarningEvidence.Where(e => e.RuleId == ruleId && chunk.Contains(e.TicketId)).Select(e => e.TicketId).ToListAsync(ct));
        return used;
    }

    string What(WarningRule rule) => rule.CategoryCode is { } code ? categories.Find(code)?.Name ?? code : "事件";

    async Task<string> NameAsync(long code, CancellationToken ct) => await places.NameAsync(code, ct) ?? code.ToString();

    static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
