using GridGov.Features.Organization;
using GridGov.Features.Registry.Addresses;
using GridGov.Features.Registry.Codes;
using GridGov.Infrastructure.Crypto;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Text;
using GridGov.Infrastructure.UseCases;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.People;

public sealed record PeopleQuery(string? Keyword = null, ResidencyType? Residency = null, VerificationState? State = null, long? Unit = null,
    int Page = 1, int PageSize = 20);

// Lists and searches people in the caller's scope (the data-scope filter). A keyword that is a valid
// ID number or phone number is looked up by its keyed hash (exact match, index); anything else matches
// names and address text. Numbers never reach the database or the logs in clear.
public sealed class ListPeople(GridDbContext db, PersonalData personal, Places places, TimeProvider clock)
{
    // `fromUrl`: the query came in a URL, where a number must not be (it would stay in logs and history).
    public async Task<Result<PagedResult<PersonRow>>> HandleAsync(PeopleQuery q, CancellationToken ct = default, bool fromUrl = false)
    {
        var (page, size, bad) = Paging.Of(q.Page, q.PageSize, 20, 200);
        if (bad is not null) return Result<PagedResult<PersonRow>>.Invalid(bad);
        if (fromUrl && IsNumber(q.Keyword))
            return Result<PagedResult<PersonRow>>.Invalid("keyword", "证件号码和电话号码不能放在网址中，请用 POST /api/v1/registry/people/search 查找");
        var people = Filter(q);
        var total = await people.CountAsync(ct);
        var rows = await people.OrderBy(p => p.GridCode).ThenBy(p => p.Id).Skip((page - 1) * size).Take(size)
            .Select(p => new { p.Id, p.Name, p.Gender, p.BirthDate, p.IdMasked, p.PhoneMasked, p.Residency, p.CurrentAddress, p.GridCode, p.State })
            .ToListAsync(ct);
        var items = new List<PersonRow>(rows.Count);
        foreach (var p in rows)
            items.Add(new(p.Id, p.Name, GenderName(p.Gender), p.BirthDate, p.IdMasked, p.PhoneMasked, p.Residency, PersonCheck.ResidencyName(p.Residency),
                p.CurrentAddress, p.GridCode, await places.NameAsync(p.GridCode, ct), p.State, RegistryNames.State(p.State)));
        return Result<PagedResult<PersonRow>>.Ok(new(items, total, page, size));
    }

    // An ID or phone number: looked up by its hash, and never to be written into a URL or the audit trail.
    public bool IsNumber(string? keyword)
    {
        var k = keyword?.Trim() ?? "";
        return k.Length > 0 && (IdNumbers.Check(k, Today).Valid || Phones.Normalize(k).Phone is not null && k.Count(char.IsAsciiDigit) >= 7);
    }

    DateOnly Today => Infrastructure.ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);

    internal IQueryable<Person> Filter(PeopleQuery q)
    {
        var people = db.Set<Person>().AsNoTracking();
        if (q.Unit is { } unit)
        {
            var (from, to) = OrgCode.Subtree(unit);
            people = people.Where(p => p.GridCode >= from && p.GridCode <= to);
        }
        if (q.Residency is { } r) people = people.Where(p => p.Residency == r);
        if (q.State is { } s) people = people.Where(p => p.State == s);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            if (IdNumbers.Check(k, Today) is { Valid: true } id)
            {
                var hash = PersonNumbers.IdHashOf(personal, "111", id.Number!);
                people = people.Where(p => p.IdHash == hash);
            }
            else if (Phones.Normalize(k) is { Phone: { } phone } && k.Count(char.IsAsciiDigit) >= 7)
            {
                var hash = PersonNumbers.PhoneHashOf(personal, phone);
                people = people.Where(p => p.PhoneHash == hash);
            }
            else
            {
                var text = AddressMatcher.Normalize(k);
                people = people.Where(p => p.Name.Contains(k) || (p.CurrentAddress != null && p.CurrentAddress.Contains(text)));
            }
        }
        return people;
    }

    public static string GenderName(string code) => code switch { "1" => "男", "2" => "女", "9" => "未说明", _ => "未知" };
}
