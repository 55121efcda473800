using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;

namespace GridGov.Features.Identity;

// Sign-in events as audit records of their own kind (登录成功/登录失败/限制登录/登出), written
// through the chain like every change, with the account (or, for an unknown name, the name tried)
// as the actor and the client's address. Filed under the account's place, so its unit's auditors see it.
public sealed class SignInAudit(GridDatabase database, CurrentUser caller)
{
    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task RecordAsync(string action, string attemptedName, AppUser? user, string reason)
    {
        var name = user?.UserName ?? attemptedName.Trim();
        await using var db = database.CreateUnscoped(new AuditActor(user?.Id, name.Length <= 100 ? name : name[..100], user?.OrgUnitCode ?? 0, caller.Ip));
        db.AuditSummary = Summary(action, user, new() { ["Reason"] = reason });
        await db.SaveChangesAsync();
    }

    internal static AuditSummary Summary(string action, AppUser? user, Dictionary<string, string> fields) =>
        new(action, nameof(AppUser), user?.Id.ToString() ?? "", user?.GridCode ?? 0, JsonSerializer.Serialize(fields, Json));
}
