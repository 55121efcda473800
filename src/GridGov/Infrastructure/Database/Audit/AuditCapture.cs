using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GridGov.Infrastructure.Database;

// A bulk write (an import) is audited as one summary record rather than one per row.
public sealed record AuditSummary(string Action, string EntityType, string EntityKey, long GridCode, string After);

// Turns tracked changes into audit records: before/after values of what changed. Columns an area
// declares hidden (secrets, stamps, normalized copies, counters) are never recorded, not even
// masked: the chain keeps every record for good, and a save that changed only such columns (a
// stamp renewed, a last-login time) is no change a person should read, so it writes no record.
static class AuditCapture
{
    static readonly HashSet<string> Bulky = ["Boundary"];
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public sealed class Pending(EntityEntry entry, string action, string? before, string? after)
    {
        public EntityEntry Entry { get; } = entry;
        public string Action { get; } = action;
        public string? Before { get; } = before;
        public string? After { get; set; } = after;
    }

    public static List<Pending> Capture(ChangeTracker tracker) =>
        tracker.Entries()
            .Where(e => AuditNaming.IsAudited(e.Metadata.ClrType) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.State switch
            {
                EntityState.Added => new Pending(e, "Create", null, null),
                EntityState.Deleted => new Pending(e, "Delete", Values(e, all: true, original: true), null),
                _ => new Pending(e, "Update", Values(e, all: false, original: true), Values(e, all: false, original: false)),
            })
            .Where(p => p.Action != "Update" || p.Before != "{}")
            .ToList();

    // Called after the rows are saved, when generated keys are known.
    public static AuditRecord ToRecord(Pending p, AuditActor actor, DateTime at)
    {
        if (p.Action == "Create") p.After = Values(p.Entry, all: true, original: false);
        var key = p.Entry.Metadata.FindPrimaryKey()?.Properties
            .Select(k => p.Entry.Property(k.Name).CurrentValue?.ToString()) ?? [];
        return new AuditRecord
        {
            At = at,
            ActorId = actor.UserId,
            ActorName = Cut(actor.Name, 100),
            Ip = actor.Ip,
            Action = p.Action,
            EntityType = p.Entry.Metadata.ClrType.Name,
            EntityKey = string.Join(",", key),
            GridCode = p.Entry.Entity is IGridScoped g ? g.GridCode : ActorGridCode(actor),
            Before = p.Before,
            After = p.After,
        };
    }

    public static AuditRecord ToRecord(AuditSummary s, AuditActor actor, DateTime at) => new()
    {
        At = at, ActorId = actor.UserId, ActorName = Cut(actor.Name, 100), Ip = actor.Ip,
        Action = s.Action, EntityType = s.EntityType, EntityKey = s.EntityKey,
        GridCode = s.GridCode, After = s.After,
    };

    static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    static long ActorGridCode(AuditActor actor) => actor.UnitCode > 0 ? OrgCode.Pad(actor.UnitCode) : 0;

    static string Values(EntityEntry e, bool all, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var prop in e.Properties)
        {
            // Identity marks every column modified on update; only real changes are worth recording.
            if (!all && (!prop.IsModified || Equals(prop.OriginalValue, prop.CurrentValue))) continue;
            var name = prop.Metadata.Name;
            if (AuditNaming.IsHidden(e.Metadata.ClrType.Name, name)) continue;
            var value = original ? prop.OriginalValue : prop.CurrentValue;
            if (AuditNaming.IsMasked(e.Metadata.ClrType.Name, name)) { values[name] = original || value is null ? null : AuditNaming.MaskedValue; continue; }
            values[name] = value is Enum en ? en.ToString()
                : Bulky.Contains(name) && value is string s ? $"({s.Length} 字符)"
                : value;
        }
        return JsonSerializer.Serialize(values, Json);
    }
}
