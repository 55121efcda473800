using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Files;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Focus;

// 走访: records one visit to a subject of the caller's area and moves the subject on — last visit, next
// visit due (the visit's China date + the frequency), risk — in the same save, so a resent submission
// (same client id) writes neither twice. A special subject is 404 without registry.special (the filter).
// A risk change takes the new risk's frequency when the old one was the old risk's default (a frequency
// set by hand stays). A visit sent late behind a newer one is kept but does not move the subject back.
public sealed class RecordFocusVisit(GridDbContext db, CurrentUser user, OwnPhotos owned, ListFocusSubjects list, TimeProvider clock)
{
    public const int MaxFindings = 2000;
    // Phones keep visits while offline; a week covers a long stretch without signal.
    public const int MaxLateDays = 7;
    // A phone's clock may run a little ahead of the server's.
    static readonly TimeSpan ClockSlack = TimeSpan.FromMinutes(5);

    public async Task<Result<FocusVisitSaved>> HandleAsync(long id, RecordVisit r, CancellationToken ct = default)
    {
        var s = await db.Set<FocusSubject>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null) return Result<FocusVisitSaved>.NotFound();
        if (s.ClosedOn is { } closed)
            return Result<FocusVisitSaved>.Conflict($"该对象已于 {closed:yyyy-MM-dd} 解除关注，不再记录走访", "已解除关注");
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var findings = r.Findings?.Trim() ?? "";
        if (findings.Length == 0) errors["findings"] = ["走访情况：必填，请写明见到的情况"];
        else if (findings.Length > MaxFindings) errors["findings"] = [$"走访情况：不能超过 {MaxFindings} 个字（现有 {findings.Length} 个字）"];
        if (r.RiskAfter is null) errors["riskAfter"] = ["走访后风险等级：必填（高、中、低）"];
        var at = r.VisitedAt is { } given ? Utc(given) : now;
        if (at > now + ClockSlack) errors["visitedAt"] = ["走访时间：不能晚于当前时间，请检查手机时间"];
        else if (at < now.AddDays(-MaxLateDays)) errors["visitedAt"] = [$"走访时间：不能早于 {MaxLateDays} 天前，更早的走访请由社区补录说明"];
        if (r.Lon is null != r.Lat is null) errors["lon"] = ["位置：经度和纬度应同时提供"];
        else if (r.Lon is < -180 or > 180 || r.Lat is < -90 or > 90) errors["lon"] = ["位置：经度应在 -180–180、纬度应在 -90–90 之间"];
        var (photos, photoError) = await owned.CheckAsync(r.Photos, ct);
        if (photoError is not null) errors["photos"] = [photoError];
        if (errors.Count > 0) return Result<FocusVisitSaved>.Invalid(errors);

        var risk = r.RiskAfter!.Value;
        var visit = new FocusVisit
        {
            FocusSubjectId = s.Id, GridCode = s.GridCode, Special = s.Special, VisitedAt = at, VisitorId = user.UserId ?? 0, VisitorName = user.DisplayName,
            Lon = r.Lon, Lat = r.Lat, Findings = findings, RiskBefore = s.Risk, RiskAfter = risk, Photos = photos.Count == 0 ? null : string.Join(',', photos),
        };
        db.Add(visit);
        if (s.LastVisitAt is not { } last || at >= last)
        {
            if (risk != s.Risk && s.VisitEveryDays == FocusSubject.DefaultVisitDays(s.Risk)) s.VisitEveryDays = FocusSubject.DefaultVisitDays(risk);
            s.Risk = risk;
            s.LastVisitAt = at;
            s.NextVisitDue = ChinaTime.DateOf(at).AddDays(s.VisitEveryDays);
            s.UpdatedAt = now;
            s.Version++;
        }
        await db.SaveChangesAsync(ct);
        var row = await list.Rows(db.Set<FocusSubject>().AsNoTracking().Where(x => x.Id == s.Id)).FirstAsync(ct);
        return Result<FocusVisitSaved>.Created(new(FocusVisitRow.Of(visit), await list.RowAsync(row, ct)), $"/api/v1/registry/focus/{s.Id}/visits/{visit.Id}");
    }

    // A time without a zone is China time, as a person there means it.
    static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => ChinaTime.ToUtc(t),
    };
}
