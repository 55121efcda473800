using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;

namespace GridGov.Features.Audit;

// Stored audit records as people read them: Chinese names, China time, readable objects, and never
// a hidden field — also not from records written before a field was declared hidden.
static class AuditRows
{
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static async Task<List<AuditRow>> ReadAsync(GridDbContext db, IReadOnlyList<AuditRecord> records, CancellationToken ct)
    {
        var objects = await AuditNaming.ObjectsAsync(db, records.Select(r => (r.EntityType, r.EntityKey)), ct);
        return records.Select(r => new AuditRow(r.Seq, r.At, ChinaTime.Format(r.At), r.ActorId, Actor(r.ActorName), r.Ip,
            r.Action, AuditNaming.ActionName(r.Action), r.EntityType, AuditNaming.EntityName(r.EntityType), r.EntityKey,
            objects[(r.EntityType, r.EntityKey)], r.GridCode, AuditNaming.Summary(r.EntityType, r.Before, r.After, r.Action),
            Visible(r.EntityType, r.Before), Visible(r.EntityType, r.After))).ToList();
    }

    public static string Actor(string name) => name switch
    {
        "system" => "系统",
        AuditActor.AnonymousName => "未登录访问",
        _ => name,
    };

    static string? Visible(string type, string? json)
    {
        if (string.IsNullOrEmpty(json)) return json;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return json;
            return JsonSerializer.Serialize(doc.RootElement.EnumerateObject().Where(p => !AuditNaming.IsHidden(type, p.Name))
                .ToDictionary(p => p.Name, p => p.Value), Json);
        }
        catch (JsonException) { return json; }
    }
}
