using GridGov.Infrastructure;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Party;

// 党员参与网格治理: records what a member of the caller's area did (志愿服务, 组织生活, 协助网格工作 …),
// on which day, for how many hours. 404 for a member outside the area or removed. One save, so a
// resent submission (same client id) is written once.
public sealed class RecordPartyActivity(GridDbContext db, CurrentUser user, TimeProvider clock)
{
    public const int MaxTitle = 200;
    public const decimal MinHours = 0.5m, MaxHours = 24m;

    public async Task<Result<PartyActivityRow>> HandleAsync(long memberId, SavePartyActivity r, CancellationToken ct = default)
    {
        var member = await db.Set<PartyMember>().AsNoTracking().Where(m => m.Id == memberId && m.State != VerificationState.Removed)
            .Select(m => new { m.Id, m.PersonId, m.GridCode }).FirstOrDefaultAsync(ct);
        if (member is null) return Result<PartyActivityRow>.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        var errors = new Dictionary<string, string[]>();
        if (r.Kind is null) errors["kind"] = ["类型：必填（志愿服务、组织生活、协助网格工作或其他）"];
        var title = r.Title?.Trim() ?? "";
        if (title.Length == 0) errors["title"] = ["内容：必填，如“协助巡查第一网格”"];
        else if (title.Length > MaxTitle) errors["title"] = [$"内容：不能超过 {MaxTitle} 个字"];
        if (r.On is not { } on) errors["on"] = ["日期：必填"];
        else if (on > today) errors["on"] = ["日期：不能晚于今天"];
        else if (on.Year < 2000) errors["on"] = ["日期：不能早于 2000 年"];
        if (r.Hours is not { } hours) errors["hours"] = [$"时长：必填（{MinHours}–{MaxHours:0} 小时）"];
        else if (hours < MinHours || hours > MaxHours) errors["hours"] = [$"时长：应在 {MinHours}–{MaxHours:0} 小时之间"];
        else if (decimal.Round(hours, 1) != hours) errors["hours"] = ["时长：最多保留一位小数"];
        if (errors.Count > 0) return Result<PartyActivityRow>.Invalid(errors);
        var activity = new PartyActivity
        {
            GridCode = member.GridCode, PartyMemberId = member.Id, PersonId = member.PersonId, Kind = r.Kind!.Value, Title = title, On = r.On!.Value,
            Hours = r.Hours!.Value, RecordedById = user.UserId ?? 0, RecordedByName = user.DisplayName, RecordedAt = now,
        };
        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return Result<PartyActivityRow>.Created(PartyActivityRow.Of(activity), $"/api/v1/registry/party/members/{member.Id}/activities/{activity.Id}");
    }
}
