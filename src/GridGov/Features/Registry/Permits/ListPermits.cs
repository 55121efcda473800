using GridGov.Features.Organization;
using GridGov.Features.Registry.Codes;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Permits;

// 居住证 of the caller's area (the data-scope filter on permits and on their holders), soonest expiry
// first, with the holder's masked numbers (without a status filter: the current ones, not the history); the expiry warnings are the same filters counted. An expired
// permit whose holder has a later one is no warning: it was renewed late.
public sealed class ListPermits(GridDbContext db, CodeBook codes, Places places, TimeProvider clock)
{
    public const string KindTable = "办证类型";

    public DateOnly Today => Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    public async Task<Result<PagedResult<PermitRow>>> HandleAsync(PermitQuery q, CancellationToken ct = default)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<PermitRow>>.Invalid(bad);
        var rows = Rows(Filter(q));
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderBy(r => r.Permit.ExpiresOn).ThenBy(r => r.Permit.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return Result<PagedResult<PermitRow>>.Ok(new(await ToRowsAsync(items, ct), total, page, size));
    }

    public async Task<Result<PermitRow>> GetAsync(long id, CancellationToken ct = default)
    {
        var row = await Rows(db.Set<ResidencePermit>().AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);
        return row is null ? Result<PermitRow>.NotFound() : Result<PermitRow>.Ok((await ToRowsAsync([row], ct))[0]);
    }

    public async Task<Result<PermitCounts>> CountAsync(long? unit, CancellationToken ct = default) => Result<PermitCounts>.Ok(new(
        await Filter(new(unit, PermitStatus.Valid)).CountAsync(ct),
        await Filter(new(unit, PermitStatus.Expiring)).CountAsync(ct),
        await Filter(new(unit, PermitStatus.Expired)).CountAsync(ct)));

    // Member-initialised (not a constructor) so that EF can order by its members.
    internal sealed class Joined
    {
        public required ResidencePermit Permit { get; init; }
        public required string Name { get; init; }
        public required string IdMasked { get; init; }
        public string? PhoneMasked { get; init; }
        public string? Address { get; init; }
    }

    internal IQueryable<Joined> Rows(IQueryable<ResidencePermit> permits) =>
        from p in permits
        join h in db.Set<Person>() on p.PersonId equals h.Id
        select new Joined { Permit = p, Name = h.Name, IdMasked = h.IdMasked, PhoneMasked = h.PhoneMasked, Address = h.CurrentAddress };

    internal IQueryable<ResidencePermit> Filter(PermitQuery q)
    {
        var permits = db.Set<ResidencePermit>().AsNoTracking();
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            permits = permits.Where(p => p.GridCode >= from && p.GridCode <= to);
        }
        var today = Today;
        var warn = today.AddDays(ResidencePermit.WarnDays);
        permits = q.Status switch
        {
            PermitStatus.Cancelled => permits.Where(p => p.CancelledOn != null && p.CancelledOn <= today),
            PermitStatus.Valid => permits.Where(p => (p.CancelledOn == null || p.CancelledOn > today) && p.ExpiresOn >= today),
            PermitStatus.Expiring => permits.Where(p => (p.CancelledOn == null || p.CancelledOn > today) && p.ExpiresOn >= today && p.ExpiresOn <= warn),
            PermitStatus.Expired => permits.Where(p => (p.CancelledOn == null || p.CancelledOn > today) && p.ExpiresOn < today
                && !db.Set<ResidencePermit>().Any(o => o.PersonId == p.PersonId && o.IssuedOn > p.IssuedOn)),
            // The current permits: cancelled ones and expired ones since renewed are history, shown on asking.
            _ => permits.Where(p => (p.CancelledOn == null || p.CancelledOn > today)
                && (p.ExpiresOn >= today || !db.Set<ResidencePermit>().Any(o => o.PersonId == p.PersonId && o.IssuedOn > p.IssuedOn))),
        };
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            permits = permits.Where(p => db.Set<Person>().Any(h => h.Id == p.PersonId && h.Name.Contains(k)));
        }
        return permits;
    }

    internal async Task<List<PermitRow>> ToRowsAsync(IEnumerable<Joined> rows, CancellationToken ct)
    {
        var today = Today;
        var list = new List<PermitRow>();
        foreach (var j in rows)
        {
            var (p, name, id, phone, address) = (j.Permit, j.Name, j.IdMasked, j.PhoneMasked, j.Address);
            var status = PermitNames.StatusOf(p.ExpiresOn, p.CancelledOn, today);
            list.Add(new(p.Id, p.PersonId, name, id, phone, address, p.Kind, KindName(p.Kind), p.IssuedOn, p.ExpiresOn, p.IssuedBy, p.CancelledOn,
                status, PermitNames.Status(status), p.ExpiresOn.DayNumber - today.DayNumber, p.GridCode, await places.NameAsync(p.GridCode, ct), p.Version,
                p.State, RegistryNames.State(p.State)));
        }
        return list;
    }

    public string? KindName(string kind) => codes[KindTable].NameOf(kind);
}
