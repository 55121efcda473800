using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Security;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Party;

// Party members of the caller's area (filed at the grid where the person lives): the list with the
// person's masked base block, and adding a person of the area (one membership per person, city-wide),
// changing and removing (已迁出/注销: kept for history) a membership. 404 outside the area.
public sealed class PartyMembers(GridDbContext db, CurrentUser user, Places places, TimeProvider clock)
{
    public const int MaxReason = 100;

    public Task<Result<PagedResult<PartyMemberRow>>> ListAsync(PartyMemberQuery q, CancellationToken ct = default) => PageAsync(q, null, ct);

    public async Task<PartyMemberRow?> OneAsync(long id, CancellationToken ct) =>
        (await PageAsync(new PartyMemberQuery(PageSize: 1), id, ct)).Value?.Items.FirstOrDefault();

    async Task<Result<PagedResult<PartyMemberRow>>> PageAsync(PartyMemberQuery q, long? id, CancellationToken ct)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<PartyMemberRow>>.Invalid(bad);
        var members = db.Set<PartyMember>().AsNoTracking().Where(m => m.State != VerificationState.Removed);
        if (id is { } one) members = members.Where(m => m.Id == one);
        if (q.Org is { } org)
        {
            var under = await SubtreeAsync(org, ct);
            members = members.Where(m => under.Contains(m.PartyOrgId));
        }
        if (q.Status is { } s) members = members.Where(m => m.Status == s);
        if (q.Mobile is { } mobile) members = members.Where(m => m.Mobile == mobile);
        if (q.Reported is { } reported) members = members.Where(m => m.ReportedToCommunity == reported);
        var rows = from m in members
                   join p in db.Set<Person>() on m.PersonId equals p.Id
                   join o in db.Set<PartyOrg>() on m.PartyOrgId equals o.Id into os
                   from o in os.DefaultIfEmpty()
                   select new { M = m, p.Name, p.Gender, p.IdMasked, p.PhoneMasked, OrgName = o == null ? null : o.Name };
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            rows = rows.Where(r => r.Name.Contains(k));
        }
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(r => r.M.PartyOrgId).ThenBy(r => r.M.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = new List<PartyMemberRow>(list.Count);
        foreach (var r in list)
            items.Add(new(r.M.Id, r.M.PersonId, r.Name, ListPeople.GenderName(r.Gender), r.IdMasked, r.PhoneMasked, r.M.Status, PartyNames.Status(r.M.Status),
                r.M.JoinedOn, r.M.PartyOrgId, r.OrgName, r.M.Mobile, r.M.ReportedToCommunity, r.M.Duty, r.M.GridCode, await places.NameAsync(r.M.GridCode, ct),
                r.M.Version));
        return Result<PagedResult<PartyMemberRow>>.Ok(new(items, total, page, size));
    }

    // The organisation and those under it that the caller sees.
    async Task<List<long>> SubtreeAsync(long org, CancellationToken ct)
    {
        var all = await db.Set<PartyOrg>().AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(ct);
        var children = all.ToLookup(o => o.ParentId);
        var result = new List<long>();
        var stack = new Stack<long>(all.Any(o => o.Id == org) ? [org] : []);
        while (stack.TryPop(out var id))
        {
            result.Add(id);
            foreach (var c in children[id]) stack.Push(c.Id);
        }
        return result;
    }

    public async Task<Result<PartyMemberRow>> AddAsync(SavePartyMember r, CancellationToken ct = default)
    {
        var person = await db.Set<Person>().AsNoTracking().Where(p => p.Id == r.PersonId).Select(p => new { p.Id, p.Name, p.GridCode }).FirstOrDefaultAsync(ct);
        if (person is null) return Result<PartyMemberRow>.NotFound();
        if (await Check(r, ct) is { } invalid) return invalid;
        // Unscoped on purpose: one membership per person city-wide, wherever it is filed.
        if (await db.Set<PartyMember>().IgnoreQueryFilters().AnyAsync(m => m.PersonId == r.PersonId, ct))
            return Result<PartyMemberRow>.Conflict($"{person.Name}已登记为党员（一人只能有一个组织关系），请在原记录上修改", "重复登记");
        var now = clock.GetUtcNow().UtcDateTime;
        var member = new PartyMember
        {
            PersonId = person.Id, GridCode = person.GridCode, Source = RecordSource.Collected, State = VerificationState.Verified,
            StateById = user.UserId, StateByName = user.DisplayName, StateAt = now, CreatedAt = now,
        };
        Apply(member, r, now);
        db.Add(member);
        await db.SaveChangesAsync(ct);
        var row = await OneAsync(member.Id, ct);
        return row is null ? Result<PartyMemberRow>.NotFound() : Result<PartyMemberRow>.Created(row, $"/api/v1/registry/party/members/{member.Id}");
    }

    public async Task<Result<PartyMemberRow>> EditAsync(long id, SavePartyMember r, CancellationToken ct = default)
    {
        var member = await db.Set<PartyMember>().FirstOrDefaultAsync(m => m.Id == id && m.State != VerificationState.Removed, ct);
        if (member is null) return Result<PartyMemberRow>.NotFound();
        if (Stale(member, r.Version) is { } conflict) return conflict;
        if (await Check(r, ct) is { } invalid) return invalid;
        Apply(member, r, clock.GetUtcNow().UtcDateTime);
        member.Version++;
        await db.SaveChangesAsync(ct);
        return Result<PartyMemberRow>.Ok((await OneAsync(member.Id, ct))!);
    }

    public async Task<Result<Done>> RemoveAsync(long id, RemovePartyMember r, CancellationToken ct = default)
    {
        var member = await db.Set<PartyMember>().FirstOrDefaultAsync(m => m.Id == id && m.State != VerificationState.Removed, ct);
        if (member is null) return Result<Done>.NotFound();
        if (Stale(member, r.Version) is { } conflict) return conflict.As<Done>();
        var reason = r.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReason) return Result<Done>.Invalid("reason", $"移除原因：必填，最多 {MaxReason} 个字");
        var now = clock.GetUtcNow().UtcDateTime;
        member.RemovalReason = reason;
        (member.State, member.StateById, member.StateByName, member.StateAt, member.UpdatedAt) = (VerificationState.Removed, user.UserId, user.DisplayName, now, now);
        member.Version++;
        await db.SaveChangesAsync(ct);
        return Result<Done>.Ok(Done.Value);
    }

    async Task<Result<PartyMemberRow>?> Check(SavePartyMember r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.Set<PartyOrg>().AnyAsync(o => o.Id == r.PartyOrgId && o.State != VerificationState.Removed, ct))
            errors["partyOrgId"] = ["所在党组织：不存在或不在您的辖区内"];
        if (!Enum.IsDefined(r.Status)) errors["status"] = ["党员类别应为 正式党员（Full）或 预备党员（Probationary）"];
        if (r.Duty?.Trim().Length > 50) errors["duty"] = ["网格职务：最多 50 个字"];
        if (r.JoinedOn is { } j && (j.Year < 1921 || j > Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime)))
            errors["joinedOn"] = ["入党日期：应在 1921 年至今天之间"];
        return errors.Count > 0 ? Result<PartyMemberRow>.Invalid(errors) : null;
    }

    static void Apply(PartyMember m, SavePartyMember r, DateTime now)
    {
        (m.PartyOrgId, m.Status, m.JoinedOn, m.Mobile, m.ReportedToCommunity) = (r.PartyOrgId, r.Status, r.JoinedOn, r.Mobile, r.ReportedToCommunity);
        m.Duty = string.IsNullOrWhiteSpace(r.Duty) ? null : r.Duty.Trim();
        m.UpdatedAt = now;
    }

    static Result<PartyMemberRow>? Stale(PartyMember m, int? version) => version is { } v && v != m.Version
        ? Result<PartyMemberRow>.Conflict("该记录已被他人修改，请刷新后再改", extensions: new Dictionary<string, object?> { ["version"] = m.Version })
        : null;
}
