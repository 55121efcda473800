using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GridGov.Infrastructure.Web;

// A write a client marked with its own id (the X-Client-Id header): the phone's outbox sends each of
// its submissions with one, and resends it until an answer arrives, so the same write may come twice
// or more. The id is recorded in the same transaction as the write itself, so a repeat finds it and
// writes nothing again: each client id is written once.
public sealed class ClientRequest
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Key { get; set; } = "";
    public DateTime At { get; set; }
}

sealed class ClientRequestConfiguration : IEntityTypeConfiguration<ClientRequest>
{
    public void Configure(EntityTypeBuilder<ClientRequest> b)
    {
        b.ToTable("ClientRequests");
        b.Property(c => c.Key).HasMaxLength(ClientSubmission.MaxKey);
        b.HasIndex(c => new { c.UserId, c.Key }).IsUnique();
    }
}

// The client id of the current request, handed to the first save that writes anything.
public sealed class ClientSubmission
{
    public const string Header = "X-Client-Id";
    public const int MaxKey = 64;

    internal long UserId { get; set; }
    internal string? Key { get; set; }
    bool taken;

    internal ClientRequest? Take(DateTime now)
    {
        if (Key is null || taken) return null;
        taken = true;
        return new ClientRequest { UserId = UserId, Key = Key, At = now };
    }
}

public static class ClientRequests
{
    // After authorization: only a known user's writes under /api carry a client id.
    public static void UseClientRequests(this WebApplication app) => app.Use(async (http, next) =>
    {
        var key = http.Request.Headers[ClientSubmission.Header].ToString();
        if (key.Length == 0 || HttpMethods.IsGet(http.Request.Method) || !http.Request.Path.StartsWithSegments("/api")
            || http.RequestServices.GetRequiredService<CurrentUser>().UserId is not { } user)
        {
            await next(http);
            return;
        }
        if (key.Length > ClientSubmission.MaxKey || key.Any(c => c is < '!' or > '~'))
        {
            await Results.Problem($"请求编号（{ClientSubmission.Header}）须为不超过 {ClientSubmission.MaxKey} 个字符的字母、数字或符号",
                statusCode: 400, title: ChineseProblems.TitleFor(400)).ExecuteAsync(http);
            return;
        }
        if (await SeenAsync(http, user, key)) { await RepeatAsync(http, key); return; }
        var submission = http.RequestServices.GetRequiredService<ClientSubmission>();
        (submission.UserId, submission.Key) = (user, key);
        try
        {
            await next(http);
        }
        catch (DbUpdateException) when (!http.Response.HasStarted)
        {
            // The same submission twice at once: the unique index let the first through.
            if (!await SeenAsync(http, user, key)) throw;
            http.Response.Clear();
            await RepeatAsync(http, key);
        }
    });

    static async Task<bool> SeenAsync(HttpContext http, long user, string key)
    {
        await using var db = http.RequestServices.GetRequiredService<GridDatabase>().CreateUnscoped(AuditActor.System);
        return await db.Set<ClientRequest>().AnyAsync(c => c.UserId == user && c.Key == key, http.RequestAborted);
    }

    // Written before: the answer says so, and the client counts it as sent.
    static Task RepeatAsync(HttpContext http, string key) =>
        Results.Json(new { clientId = key, repeated = true, message = "该提交此前已保存，未重复写入" }).ExecuteAsync(http);
}
