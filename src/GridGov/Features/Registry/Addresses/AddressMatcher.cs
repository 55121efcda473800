using GridGov.Features.Organization;
using GridGov.Features.Registry.People;
using GridGov.Infrastructure.Database;
using GridGov.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Features.Registry.Addresses;

// Where a row's person lives: the standard address its text names (in the caller's scope), or, for a
// person without one yet, the grid given by code. Errors name the field.
public sealed record AddressMatch(long? AddressId, long GridCode, string? Text, string? Field = null, string? Error = null);

public sealed class AddressMatcher(Places places)
{
    // Address text as people type it: spaces and the full-width/half-width difference do not count.
    public static string Normalize(string text) => new([.. ImportCleaning.Value(text).Where(c => !char.IsWhiteSpace(c))]);

    public async Task<Dictionary<PersonDraft, AddressMatch>> MatchAsync(GridDbContext db, IReadOnlyList<PersonDraft> drafts, CancellationToken ct)
    {
        var texts = drafts.Where(d => d.Address.Length > 0).Select(d => Normalize(d.Address)).Distinct().ToList();
        // The scope filter applies: an address outside the caller's area is no match.
        var found = texts.Count == 0 ? [] : await db.Set<Address>().AsNoTracking()
            .Where(a => texts.Contains(a.FullName) && a.State != VerificationState.Removed)
            .Select(a => new { a.Id, a.FullName, a.GridCode, a.CommunityCode }).ToListAsync(ct);
        var byText = found.ToLookup(a => a.FullName);
        var result = new Dictionary<PersonDraft, AddressMatch>(ReferenceEqualityComparer.Instance);
        foreach (var d in drafts)
        {
            var text = Normalize(d.Address);
            var candidates = byText[text].ToList();
            if (candidates.Count > 1 && d.Community is { } community)
            {
                var named = new List<(long Id, string FullName, long GridCode, long CommunityCode)>();
                foreach (var c in candidates)
                    if (await places.NameAsync(c.CommunityCode, ct) == community) named.Add((c.Id, c.FullName, c.GridCode, c.CommunityCode));
                candidates = [.. candidates.Where(c => named.Any(n => n.Id == c.Id))];
            }
            result[d] = candidates.Count switch
            {
                1 => new(candidates[0].Id, candidates[0].GridCode, d.Address),
                > 1 => new(null, 0, null, PersonCheck.Community, $"“{d.Address}”在您的辖区内有 {candidates.Count} 处，请在“所属社区”列注明社区名称"),
                _ => await ByGridAsync(db, d, ct),
            };
        }
        return result;
    }

    async Task<AddressMatch> ByGridAsync(GridDbContext db, PersonDraft d, CancellationToken ct)
    {
        if (d.GridCode is not { } grid)
            return d.Address.Length == 0 ? new(null, 0, null, PersonCheck.Address, "必填（或填写网格编码）")
                : new(null, 0, null, PersonCheck.Address, $"“{d.Address}”不是您辖区内的标准地址（请先登记该地址，或填写网格编码）");
        if (!db.Scope.Contains(grid) || await places.NameAsync(grid, ct) is null)
            return new(null, 0, null, PersonCheck.GridCode, $"网格 {grid} 不存在或不在您的数据范围内");
        return new(null, grid, d.Address.Length > 0 ? d.Address : null);
    }
}
