using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Permits;

// Issuing a 居住证 to a person of the caller's area, renewing one (a new permit for the same holder) and
// cancelling one. A person holds one valid permit at a time: issuing to someone with a permit in force
// at any time of the new one's period (issued the same day or later included) is refused (a desk worker who picked the wrong person must not end a
// valid permit unseen); the renewal is the way to replace one, and cancels the holder's permits in force
// as of its issue date. A stale version is a conflict, never a silent overwrite.
public sealed class IssuePermit(GridDbContext db, CodeBook codes, ListPermits list, TimeProvider clock)
{
    // The audit record of a cancellation, which carries its reason (the permit has no column for it).
    public const string CancelAction = "CancelPermit";

    public async Task<Result<PermitRow>> CreateAsync(PermitRequest r, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == r.PersonId).Select(p => new { p.Id, p.GridCode, p.Name }).FirstOrDefaultAsync(ct);
        if (person is null) return Result<PermitRow>.NotFound();
        var inForce = await db.Set<ResidencePermit>().AsNoTracking()
            .Where(p => p.PersonId == person.Id && p.IssuedOn <= r.ExpiresOn && p.ExpiresOn >= r.IssuedOn && (p.CancelledOn == null || p.CancelledOn > r.IssuedOn))
            .OrderByDescending(p => p.IssuedOn).FirstOrDefaultAsync(ct);
        // Every field's message at once: the holder's and the permit's own.
        var errors = Check(codes, list.Today, r.Kind, r.IssuedOn, r.ExpiresOn, r.IssuedBy, out _);
        if (inForce is not null)
            errors["personId"] = [$"{person.Name}已持有有效居住证（{inForce.IssuedOn:yyyy-MM-dd} 签发，有效期至 {inForce.ExpiresOn:yyyy-MM-dd}），一人只能持有一张有效居住证；如需换发，请在列表中续签"];
        if (errors.Count > 0) return Result<PermitRow>.Invalid(errors);
        return await WriteAsync(person.Id, person.GridCode, r.Kind, r.IssuedOn, r.ExpiresOn, r.IssuedBy, ct);
    }

    public async Task<Result<PermitRow>> RenewAsync(long id, RenewPermitRequest r, CancellationToken ct = default)
    {
        var current = await db.Set<ResidencePermit>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (current is null) return Result<PermitRow>.NotFound();
        if (r.Version is { } v && v != current.Version) return Stale(current.Version);
        return await WriteAsync(current.PersonId, current.GridCode, current.Kind, r.IssuedOn, r.ExpiresOn, r.IssuedBy ?? current.IssuedBy, ct);
    }

    public async Task<Result<PermitRow>> CancelAsync(long id, CancelPermitRequest r, CancellationToken ct = default)
    {
        var permit = await db.Set<ResidencePermit>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (permit is null) return Result<PermitRow>.NotFound();
        if (r.Version is { } v && v != permit.Version) return Stale(permit.Version);
        if (permit.CancelledOn is not null) return Result<PermitRow>.Conflict("该居住证已注销", "不能重复注销");
        var on = r.CancelledOn ?? list.Today;
        var errors = new Dictionary<string, string[]>();
        if (on < permit.IssuedOn) errors["cancelledOn"] = ["注销日期不能早于签发日期"];
        var reason = r.Reason?.Trim() is { Length: > 0 } t ? t : null;
        if (reason?.Length > 100) errors["reason"] = ["注销原因不能超过 100 个字"];
        if (errors.Count > 0) return Result<PermitRow>.Invalid(errors);
        permit.CancelledOn = on;
        Touch(permit);
        // One audit record that says why, instead of the bare change of the date.
        if (reason is not null)
            db.AuditSummary = new AuditSummary(CancelAction, nameof(ResidencePermit), permit.Id.ToString(), permit.GridCode,
                JsonSerializer.Serialize(new Dictionary<string, object?> { ["CancelledOn"] = on, ["Reason"] = reason }, AuditJson));
        await db.SaveChangesAsync(ct);
        return await list.GetAsync(permit.Id, ct);
    }

    async Task<Result<PermitRow>> WriteAsync(long personId, long grid, string? kindText, DateOnly issuedOn, DateOnly expiresOn, string? issuedBy, CancellationToken ct)
    {
        var errors = Check(codes, list.Today, kindText, issuedOn, expiresOn, issuedBy, out var kind);
        if (errors.Count > 0) return Result<PermitRow>.Invalid(errors);
        if (await db.Set<ResidencePermit>().AnyAsync(p => p.PersonId == personId && p.IssuedOn == issuedOn, ct))
            return Result<PermitRow>.Conflict($"此人已有一张 {issuedOn:yyyy-MM-dd} 签发的居住证", "居住证重复");
        var now = clock.GetUtcNow().UtcDateTime;
        var permit = new ResidencePermit
        {
            PersonId = personId, GridCode = grid, Kind = kind!, IssuedOn = issuedOn, ExpiresOn = expiresOn, IssuedBy = issuedBy?.Trim() is { Length: > 0 } b ? b : null,
            Source = RecordSource.Collected, State = VerificationState.Verified, CreatedAt = now, UpdatedAt = now,
        };
        foreach (var old in await db.Set<ResidencePermit>().Where(p => p.PersonId == personId && p.CancelledOn == null && p.ExpiresOn >= issuedOn && p.IssuedOn < issuedOn).ToListAsync(ct))
        {
            old.CancelledOn = issuedOn;
            Touch(old);
        }
        db.Add(permit);
        await db.SaveChangesAsync(ct);
        var row = await list.GetAsync(permit.Id, ct);
        return row.Succeeded ? Result<PermitRow>.Created(row.Value!, $"/api/v1/registry/permits/{permit.Id}") : row;
    }

    // The rules of a permit's own fields, by the names users see; shared with the import.
    internal static Dictionary<string, string[]> Check(CodeBook codes, DateOnly today, string? kindText, DateOnly issuedOn, DateOnly expiresOn,
        string? issuedBy, out string? kind, string kindField = "kind", string issuedField = "issuedOn", string expiresField = "expiresOn", string byField = "issuedBy")
    {
        var errors = new Dictionary<string, string[]>();
        kind = string.IsNullOrWhiteSpace(kindText) ? "01" : codes[ListPermits.KindTable].Resolve(kindText.Trim());
        if (kind is null) errors[kindField] = [$"办证类型“{kindText}”不是办证类型代码表中的值（居住证、暂住证、其他）"];
        if (issuedOn > today) errors[issuedField] = ["签发日期不能晚于今天"];
        if (expiresOn <= issuedOn) errors[expiresField] = ["有效期至须晚于签发日期"];
        else if (expiresOn > issuedOn.AddYears(10)) errors[expiresField] = ["有效期不能超过 10 年"];
        if (issuedBy?.Trim().Length > 100) errors[byField] = ["签发机关不能超过 100 个字"];
        return errors;
    }

    static readonly JsonSerializerOptions AuditJson = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    void Touch(ResidencePermit p)
    {
        p.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        p.Version++;
    }

    static Result<PermitRow> Stale(int version) =>
        Result<PermitRow>.Conflict("该居住证已被他人修改，请刷新后再试", extensions: new Dictionary<string, object?> { ["version"] = version });
}
